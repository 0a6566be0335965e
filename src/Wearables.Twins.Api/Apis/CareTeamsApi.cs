using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.CareTeams;
using Wearables.Twins.CareTeams.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// Care teams (settings, members, patients) and their alert inboxes. Adding a patient also points the patient twin at
/// the team (and takes them off their previous team), so the twin's recommendations reach this team's inbox.
/// </summary>
public static class CareTeamsApi
{
    private const int DefaultAlertLimit = 50;
    private const string TeamShape = "{\"displayName\": …, \"escalationChain\": [{\"id\", \"name\", \"email\", \"phone\"}], \"acknowledgeWithinSeconds\": {\"high\", \"medium\", \"low\"}}";
    private const string ActionShape = "{\"note\": \"…\"} (or no body)";

    public static IEndpointRouteBuilder MapCareTeamsApi(this IEndpointRouteBuilder app)
    {
        // Managing teams is for admins; a team's members (and admins) read it and work its inbox.
        var group = app.MapGroup("/api/v1/care-teams").WithTags("Care teams").RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapPut("/{teamId}", PutTeamAsync).RequireAdmin()
            .WithSummary("Create or update a care team: name, escalation chain (its members, in paging order), acknowledge deadlines")
            .Accepts<CareTeamRequest>("application/json");
        group.MapGet("/{teamId}", GetTeamAsync).RequireTeamAccess().WithSummary("A care team");
        group.MapGet("/{teamId}/patients", GetPatientsAsync).RequireTeamAccess().WithSummary("The patients a care team follows");
        group.MapPut("/{teamId}/patients/{patientId}", AddPatientAsync).RequireAdmin("patientId")
            .WithSummary("The team follows the patient (and the patient leaves their previous team)");
        group.MapDelete("/{teamId}/patients/{patientId}", RemovePatientAsync).RequireAdmin("patientId").WithSummary("The team stops following the patient");
        group.MapGet("/{teamId}/alerts", ListAlertsAsync).RequireTeamAccess()
            .WithSummary("The team's alert inbox: ?status=open|acknowledged|resolved&limit= (active alerts most severe and oldest first)");
        group.MapPost("/{teamId}/alerts/{alertId}/acknowledge", AcknowledgeAsync).RequireTeamAccess()
            .WithSummary("Take an open alert: it stops escalating (recorded as the signed-in caller)")
            .Accepts<AlertActionRequest>("application/json");
        group.MapPost("/{teamId}/alerts/{alertId}/resolve", ResolveAsync).RequireTeamAccess()
            .WithSummary("Close an open or acknowledged alert, with an optional note (recorded as the signed-in caller)")
            .Accepts<AlertActionRequest>("application/json");
        return app;
    }

    private static async Task<Results<JsonHttpResult<CareTeamView>, ProblemHttpResult>> PutTeamAsync(
        string teamId, HttpRequest request, IGrainFactory grains)
    {
        if (IdRules.Check("care team", teamId) is { } invalid)
        {
            return invalid;
        }

        var (body, malformed) = await CareTeamRequests.ReadAsync(request, CareTeamsJsonContext.Default.CareTeamRequest, TeamShape);
        if (malformed is not null)
        {
            return malformed;
        }

        var (definition, problem) = CareTeamRequests.ToDefinition(body!);
        if (problem is not null)
        {
            return problem;
        }

        var team = await grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(definition!);
        return TypedResults.Json(CareTeamView.From(team), CareTeamsJsonContext.Default.CareTeamView);
    }

    private static async Task<Results<JsonHttpResult<CareTeamView>, ProblemHttpResult>> GetTeamAsync(string teamId, IGrainFactory grains)
    {
        if (IdRules.Check("care team", teamId) is { } invalid)
        {
            return invalid;
        }

        return await grains.GetGrain<ICareTeamGrain>(teamId).GetAsync() is { } team
            ? TypedResults.Json(CareTeamView.From(team), CareTeamsJsonContext.Default.CareTeamView)
            : Problems.NotFound("care team", teamId);
    }

    private static async Task<Results<JsonHttpResult<CareTeamPatientsView>, ProblemHttpResult>> GetPatientsAsync(string teamId, IGrainFactory grains)
    {
        if (await KnownTeamAsync(teamId, grains) is { } problem)
        {
            return problem;
        }

        var patients = await grains.GetGrain<ICareTeamGrain>(teamId).GetPatientsAsync();
        return TypedResults.Json(new CareTeamPatientsView(teamId, patients), CareTeamsJsonContext.Default.CareTeamPatientsView);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddPatientAsync(string teamId, string patientId, IGrainFactory grains)
    {
        if ((IdRules.Check("patient", patientId) ?? await KnownTeamAsync(teamId, grains)) is { } problem)
        {
            return problem;
        }

        // The team first (it may be full), then the twin, then the team the patient leaves.
        switch (await grains.GetGrain<ICareTeamGrain>(teamId).AddPatientAsync(patientId))
        {
            case PatientAssignmentOutcome.TeamFull:
                return Problems.Create(StatusCodes.Status409Conflict, "team_full", $"Care team '{teamId}' already follows {CareTeamLimits.MaxPatients} patients.");
            case PatientAssignmentOutcome.UnknownTeam:
                return Problems.NotFound("care team", teamId);
        }

        var previous = await grains.GetGrain<IPatientGrain>(patientId).SetCareTeamAsync(teamId);
        if (previous is not null && !string.Equals(previous, teamId, StringComparison.Ordinal))
        {
            await grains.GetGrain<ICareTeamGrain>(previous).RemovePatientAsync(patientId);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemovePatientAsync(string teamId, string patientId, IGrainFactory grains)
    {
        if ((IdRules.Check("patient", patientId) ?? await KnownTeamAsync(teamId, grains)) is { } problem)
        {
            return problem;
        }

        await grains.GetGrain<ICareTeamGrain>(teamId).RemovePatientAsync(patientId);
        await grains.GetGrain<IPatientGrain>(patientId).LeaveCareTeamAsync(teamId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<JsonHttpResult<AlertPage>, ProblemHttpResult>> ListAlertsAsync(
        string teamId, string? status, string? limit, IGrainFactory grains)
    {
        if (await KnownTeamAsync(teamId, grains) is { } problem)
        {
            return problem;
        }

        AlertStatus? filter = status switch
        {
            null => null,
            "open" => AlertStatus.Open,
            "acknowledged" => AlertStatus.Acknowledged,
            "resolved" => AlertStatus.Resolved,
            _ => (AlertStatus)(-1),
        };
        if (filter is (AlertStatus)(-1))
        {
            return Problems.BadRequest("invalid_status", "Query parameter 'status' must be open, acknowledged or resolved.");
        }

        var count = DefaultAlertLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > CareTeamLimits.MaxListLimit))
        {
            return Problems.BadRequest("invalid_limit", $"Query parameter 'limit' must be a whole number from 1 to {CareTeamLimits.MaxListLimit}.");
        }

        var page = await grains.GetGrain<ICareTeamInboxGrain>(teamId).ListAsync(filter, count);
        return TypedResults.Json(page, CareTeamsJsonContext.Default.AlertPage);
    }

    private static Task<Results<JsonHttpResult<CareTeamAlert>, ProblemHttpResult>> AcknowledgeAsync(
        string teamId, string alertId, HttpRequest request, IGrainFactory grains)
        => ActAsync(teamId, alertId, request, grains, withNote: false,
            (inbox, body) => inbox.AcknowledgeAsync(alertId, body.By!));

    private static Task<Results<JsonHttpResult<CareTeamAlert>, ProblemHttpResult>> ResolveAsync(
        string teamId, string alertId, HttpRequest request, IGrainFactory grains)
        => ActAsync(teamId, alertId, request, grains, withNote: true,
            (inbox, body) => inbox.ResolveAsync(alertId, body.By!, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim()));

    private static async Task<Results<JsonHttpResult<CareTeamAlert>, ProblemHttpResult>> ActAsync(
        string teamId, string alertId, HttpRequest request, IGrainFactory grains, bool withNote,
        Func<ICareTeamInboxGrain, AlertActionRequest, ValueTask<AlertOperationResult>> act)
    {
        if (IdRules.Check("alert", alertId) is { } invalid)
        {
            return invalid;
        }

        var (body, malformed) = request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType())
            ? (new AlertActionRequest(null, null), null)
            : await CareTeamRequests.ReadAsync(request, CareTeamsJsonContext.Default.AlertActionRequest, ActionShape);

        // Who acts is who signed in; a "by" in the body cannot speak for someone else.
        body = body is null ? null : body with { By = Caller.From(request.HttpContext.User)?.Subject };
        if ((malformed ?? CareTeamRequests.CheckActor(body!, withNote) ?? await KnownTeamAsync(teamId, grains)) is { } problem)
        {
            return problem;
        }

        var result = await act(grains.GetGrain<ICareTeamInboxGrain>(teamId), body!);
        return result.Outcome switch
        {
            AlertOperationOutcome.Done => TypedResults.Json(result.Alert!, CareTeamsJsonContext.Default.CareTeamAlert),
            AlertOperationOutcome.AlreadyAcknowledged => Problems.Create(StatusCodes.Status409Conflict, "already_acknowledged",
                $"Alert '{alertId}' was already acknowledged by {result.Alert?.AcknowledgedBy}."),
            AlertOperationOutcome.AlreadyResolved => Problems.Create(StatusCodes.Status409Conflict, "already_resolved",
                $"Alert '{alertId}' is already resolved."),
            _ => Problems.NotFound("alert", alertId),
        };
    }

    /// <summary>A problem when the team id is not valid or the team was never defined.</summary>
    private static async Task<ProblemHttpResult?> KnownTeamAsync(string teamId, IGrainFactory grains)
        => IdRules.Check("care team", teamId)
            ?? (await grains.GetGrain<ICareTeamGrain>(teamId).GetAsync() is null ? Problems.NotFound("care team", teamId) : null);
}
