using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>Reads of wearable twins and their binding to patients.</summary>
public static class WearablesApi
{
    public static IEndpointRouteBuilder MapWearablesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/wearables").WithTags("Wearables")
            .RequireAuthorization(TwinsPolicies.Person).RequireRateLimiting(TwinsPolicies.UserRate).Audited(targetRouteValue: "id");
        group.MapGet("/{id}", GetWearableAsync)
            .WithSummary("A wearable twin (admins, or people who may see the patient it is bound to)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/patient", BindAsync)
            .WithSummary("Bind a wearable to a patient; samples it sent while unbound move to the patient")
            .WithDescription("Admins bind anything; a patient binds a wearable to themself; a clinician to a patient of their teams. Taking a wearable from another patient needs access to that patient too.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<Results<Ok<WearableView>, ProblemHttpResult>> GetWearableAsync(
        string id, HttpContext context, IGrainFactory grains, PatientAccess access)
    {
        if (IdRules.Check("wearable", id) is { } invalid)
        {
            return invalid;
        }

        var caller = Caller.From(context.User)!;
        var status = await grains.GetGrain<IWearableGrain>(id).GetStatusAsync();
        if (!caller.IsAdmin && (status?.PatientId is not { } patient || !(await access.CheckAsync(caller, patient)).IsAllowed))
        {
            // The same answer whether the wearable is unknown, unbound or someone else's.
            return Problems.Create(StatusCodes.Status403Forbidden, "not_your_wearable", "This wearable is not bound to a patient you may see.");
        }

        return status is null ? Problems.NotFound("wearable", id) : TypedResults.Ok(WearableView.From(status));
    }

    private static async Task<Results<Ok<WearableView>, ProblemHttpResult>> BindAsync(
        string id, BindWearableRequest? body, HttpContext context, IGrainFactory grains, PatientAccess access)
    {
        if (IdRules.Check("wearable", id) is { } invalid)
        {
            return invalid;
        }

        if (body?.PatientId is not { } patientId)
        {
            return Problems.BadRequest("missing_patient_id", "The body must be {\"patientId\": \"…\"}.");
        }

        if (IdRules.Check("patient", patientId) is { } invalidPatient)
        {
            return invalidPatient;
        }

        var caller = Caller.From(context.User)!;
        if (!(await access.CheckAsync(caller, patientId)).IsAllowed)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "not_your_record", $"You may not bind wearables to patient '{patientId}'.");
        }

        var wearable = grains.GetGrain<IWearableGrain>(id);
        if ((await wearable.GetStatusAsync())?.PatientId is { } current && current != patientId && !(await access.CheckAsync(caller, current)).IsAllowed)
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "bound_elsewhere", "This wearable is bound to a patient you may not see; ask an admin to release it.");
        }

        var status = await wearable.BindAsync(patientId);
        return TypedResults.Ok(WearableView.From(status));
    }
}
