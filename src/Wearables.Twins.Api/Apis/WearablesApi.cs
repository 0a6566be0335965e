using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;

namespace Wearables.Twins.Api.Apis;

/// <summary>Reads of wearable twins and their binding to patients.</summary>
public static class WearablesApi
{
    public static IEndpointRouteBuilder MapWearablesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/wearables").WithTags("Wearables");
        group.MapGet("/{id}", GetWearableAsync)
            .WithSummary("A wearable twin")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/patient", BindAsync)
            .WithSummary("Bind a wearable to a patient; samples it sent while unbound move to the patient")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<Ok<WearableView>, ProblemHttpResult>> GetWearableAsync(string id, IGrainFactory grains)
    {
        if (IdRules.Check("wearable", id) is { } invalid)
        {
            return invalid;
        }

        var status = await grains.GetGrain<IWearableGrain>(id).GetStatusAsync();
        return status is null ? Problems.NotFound("wearable", id) : TypedResults.Ok(WearableView.From(status));
    }

    private static async Task<Results<Ok<WearableView>, ProblemHttpResult>> BindAsync(
        string id, BindWearableRequest? body, IGrainFactory grains)
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

        var status = await grains.GetGrain<IWearableGrain>(id).BindAsync(patientId);
        return TypedResults.Ok(WearableView.From(status));
    }
}
