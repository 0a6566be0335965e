using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Campaigns.Findings;
using Wearables.Twins.Grains;
using Wearables.Twins.History.Maintenance;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// Right to erasure: a patient's data leaves the twin, the history lake and (for replay) the telemetry log, and the
/// caller gets a receipt of what was removed where. Admins only.
/// </summary>
public static class ErasureApi
{
    public static IEndpointRouteBuilder MapErasureApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/v1/patients/{id}", EraseAsync)
            .WithTags("Patients")
            .RequireAdmin(patientRouteValue: "id")
            .WithSummary("Erase a patient from twin state, the history lake and the telemetry log's replay; returns a receipt")
            .Produces<ErasureReceiptView>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> EraseAsync(
        string id, HttpContext context, IGrainFactory grains, CheckpointService checkpoints, LakeEraser lake, IContactDirectory contacts,
        TimeProvider time)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        // Devices first, so nothing new reaches the patient; then the twin; then a checkpoint, which puts everything
        // the twin and the lake received into the lake and moves the log past it; then the lake.
        var patient = grains.GetGrain<IPatientGrain>(id);
        var wearables = (await patient.GetStatusAsync())?.Wearables ?? [];
        foreach (var wearable in wearables)
        {
            await grains.GetGrain<IWearableGrain>(wearable).UnbindAsync(id);
        }

        if (await patient.GetCareTeamAsync() is { } team)
        {
            await grains.GetGrain<ICareTeamGrain>(team).RemovePatientAsync(id);
        }

        var twin = await patient.EraseAsync();
        await grains.GetGrain<IPatientEngagementGrain>(id).EraseAsync();
        await grains.GetGrain<IOpenFindingsGrain>(FindingShards.Of(id)).ErasePatientAsync(id);
        await contacts.DeleteAsync(id, context.RequestAborted);
        var position = await checkpoints.CheckpointAsync(context.RequestAborted);
        var receipt = await lake.EraseAsync(id, context.RequestAborted);

        return TypedResults.Ok(new ErasureReceiptView(
            id,
            time.GetUtcNow(),
            new TwinErasureView([.. twin.Wearables], twin.SamplesEverRecorded, twin.SamplesHeld, twin.Findings, twin.PendingRecommendations),
            new LakeErasureView(receipt.Store, receipt.RowsRemoved, receipt.RowsRemovedByVital, receipt.FilesRewritten, receipt.FilesRemoved,
                receipt.BufferedSamplesRemovedByVital.Values.Sum()),
            new LogErasureView(position,
                "The log's checkpoint is past every record of the patient's devices: no restart replays them; their segment files are deleted as the log trims.")));
    }
}
