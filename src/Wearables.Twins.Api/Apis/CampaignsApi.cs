using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Campaigns;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Running;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// Health campaigns: define, list, inspect, pause, resume and run them (admins); record a patient's consent to campaign
/// messages with its source, or opt them out (the patient, their clinicians, admins). Bodies use the campaigns' own strict JSON.
/// </summary>
public static class CampaignsApi
{
    private const int MaxSourceLength = 200;

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAdmin().RequireRateLimiting(TwinsPolicies.UserRate);
        campaigns.MapPost("", DefineAsync)
            .WithSummary("Define a campaign (?paused=true to create it paused); 400 lists every problem of the definition")
            .Accepts<CampaignDefinition>("application/json")
            .Produces<CampaignStatus>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        campaigns.MapGet("", ListAsync).WithSummary("Every campaign with its state and counts").Produces<IReadOnlyList<CampaignStatus>>();
        campaigns.MapGet("/{id}", GetAsync).WithSummary("A campaign: definition, state, next run, counts and last run")
            .Produces<CampaignStatus>().ProducesProblem(StatusCodes.Status404NotFound);
        campaigns.MapPost("/{id}/pause", (string id, CampaignRegistry registry)
                => SetStateAsync(id, CampaignActivity.Paused, registry))
            .WithSummary("Pause: no run starts and queued messages are dropped").Produces<CampaignStatus>();
        campaigns.MapPost("/{id}/resume", (string id, CampaignRegistry registry)
                => SetStateAsync(id, CampaignActivity.Active, registry))
            .WithSummary("Resume from the next schedule slot").Produces<CampaignStatus>();
        campaigns.MapPost("/{id}/run", RunAsync).WithSummary("Run now; answers with the run's report")
            .Produces<CampaignRunResult>().ProducesProblem(StatusCodes.Status409Conflict);

        var patients = app.MapGroup("/api/v1/patients").WithTags("Campaigns").RequirePatientAccess().RequireRateLimiting(TwinsPolicies.UserRate);
        patients.MapPut("/{id}/consents/campaigns", SetConsentAsync)
            .WithSummary("Record consent to campaign messages, or its withdrawal, with its source")
            .Accepts<ConsentRequest>("application/json").Produces<EngagementView>();
        patients.MapPost("/{id}/campaign-opt-outs", OptOutAsync)
            .WithSummary("Opt out of one campaign ({\"campaignId\": \"…\"}) or of every campaign ({})")
            .Accepts<OptOutRequest>("application/json").Produces<EngagementView>();
        patients.MapGet("/{id}/campaign-engagement", GetEngagementAsync)
            .WithSummary("A patient's consent, opt-outs, last campaign messages and audit trail").Produces<EngagementView>();
        return app;
    }

    private static async Task<IResult> DefineAsync(HttpContext context, CampaignRegistry registry, bool? paused)
    {
        var (definition, invalid) = await ReadAsync(context.Request, CampaignJsonContext.Default.CampaignDefinition);
        if (invalid is not null)
        {
            return invalid;
        }

        var outcome = await registry.DefineAsync(definition, paused == true ? CampaignActivity.Paused : CampaignActivity.Active);
        switch (outcome.Result)
        {
            case DefineResult.Invalid:
                return Problems.Create(StatusCodes.Status400BadRequest, "invalid_campaign",
                    $"The campaign definition has {outcome.Problems.Count} problem(s); the first: {outcome.Problems[0].Message}",
                    new Dictionary<string, object?> { ["problems"] = outcome.Problems });
            case DefineResult.AlreadyExists:
                return Problems.Create(StatusCodes.Status409Conflict, "campaign_exists",
                    $"Campaign '{definition!.Id}' exists; definitions are not replaced (define a new id, pause the old one).");
            case DefineResult.CatalogFull:
                return Problems.Create(StatusCodes.Status409Conflict, "too_many_campaigns",
                    $"The service keeps at most {ICampaignCatalogGrain.Capacity} campaigns.");
            default:
                context.Response.Headers.Location = $"/api/v1/campaigns/{Uri.EscapeDataString(definition!.Id)}";
                return TypedResults.Json(outcome.Campaign, CampaignJsonContext.Default.CampaignStatus, statusCode: StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> ListAsync(CampaignRegistry registry)
        => TypedResults.Json(await registry.ListAsync(), CampaignJsonContext.Default.IReadOnlyListCampaignStatus);

    private static async Task<IResult> GetAsync(string id, CampaignRegistry registry)
    {
        if (CheckCampaignId(id) is { } invalid)
        {
            return invalid;
        }

        return await registry.GetAsync(id) is { } campaign
            ? TypedResults.Json(campaign, CampaignJsonContext.Default.CampaignStatus)
            : Problems.NotFound("campaign", id);
    }

    private static async Task<IResult> SetStateAsync(
        string id, CampaignActivity activity, CampaignRegistry registry)
    {
        if (CheckCampaignId(id) is { } invalid)
        {
            return invalid;
        }

        return await registry.SetStateAsync(id, activity) is { } campaign
            ? TypedResults.Json(campaign, CampaignJsonContext.Default.CampaignStatus)
            : Problems.NotFound("campaign", id);
    }

    private static async Task<IResult> RunAsync(
        string id, CampaignRunner runner, IHostApplicationLifetime lifetime)
    {
        if (CheckCampaignId(id) is { } invalid)
        {
            return invalid;
        }

        // Not the request's token: a client that gives up waiting must not leave a run half done.
        var result = await runner.RunAsync(id, manual: true, lifetime.ApplicationStopping);
        return result.Outcome switch
        {
            RunOutcome.Completed => TypedResults.Json(result, CampaignJsonContext.Default.CampaignRunResult),
            RunOutcome.Unknown => Problems.NotFound("campaign", id),
            RunOutcome.Paused => Problems.Create(StatusCodes.Status409Conflict, "campaign_paused", $"Campaign '{id}' is paused; resume it first."),
            RunOutcome.AlreadyRunning => Problems.Create(StatusCodes.Status409Conflict, "run_in_progress", $"Campaign '{id}' is running already."),
            _ => Problems.Create(StatusCodes.Status500InternalServerError, "run_failed", result.Error ?? "The run failed."),
        };
    }

    private static async Task<IResult> SetConsentAsync(
        string id, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        if (IdRules.Check("patient", id) is { } invalidId)
        {
            return invalidId;
        }

        var (request, invalid) = await ReadAsync(context.Request, CampaignJsonContext.Default.ConsentRequest);
        if (invalid is not null)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(request!.Source) || request.Source.Length > MaxSourceLength)
        {
            return Problems.BadRequest("invalid_source",
                $"source says where the answer was given (e.g. \"app:onboarding\"), 1–{MaxSourceLength} characters; it is kept for the audit trail.");
        }

        var view = await grains.GetGrain<IPatientEngagementGrain>(id).SetConsentAsync(request.Granted, request.Source, time.GetUtcNow());
        return TypedResults.Json(view, CampaignJsonContext.Default.EngagementView);
    }

    private static async Task<IResult> OptOutAsync(string id, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        if (IdRules.Check("patient", id) is { } invalidId)
        {
            return invalidId;
        }

        var request = new OptOutRequest();
        if (context.Request.ContentLength is not 0)
        {
            var (body, invalid) = await ReadAsync(context.Request, CampaignJsonContext.Default.OptOutRequest);
            if (invalid is not null)
            {
                return invalid;
            }

            request = body!;
        }

        if (request.CampaignId is not null && !CampaignValidation.IsValidId(request.CampaignId))
        {
            return Problems.BadRequest("invalid_id", "campaignId must be a campaign id (lower-case letters, digits, '-' and '_'), or absent for every campaign.");
        }

        if (request.Source is { Length: > MaxSourceLength })
        {
            return Problems.BadRequest("invalid_source", $"source may have at most {MaxSourceLength} characters.");
        }

        var view = await grains.GetGrain<IPatientEngagementGrain>(id)
            .OptOutAsync(request.CampaignId, string.IsNullOrWhiteSpace(request.Source) ? "api" : request.Source, time.GetUtcNow());
        return TypedResults.Json(view, CampaignJsonContext.Default.EngagementView);
    }

    private static async Task<IResult> GetEngagementAsync(string id, IGrainFactory grains)
    {
        return IdRules.Check("patient", id) is { } invalid
            ? invalid
            : TypedResults.Json(await grains.GetGrain<IPatientEngagementGrain>(id).GetAsync(), CampaignJsonContext.Default.EngagementView);
    }

    private static ProblemHttpResult? CheckCampaignId(string id)
        => CampaignValidation.IsValidId(id)
            ? null
            : Problems.BadRequest("invalid_id", "A campaign id is 1–64 lower-case letters, digits, '-' or '_'.");

    // Bodies are read with the campaigns' strict JSON (unknown or missing properties are errors, with their path).
    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, request.HttpContext.RequestAborted);
            return value is null ? (null, Problems.BadRequest("invalid_json", "The body must be a JSON object.")) : (value, null);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return (null, Problems.BadRequest("invalid_json", ex.Message));
        }
    }
}
