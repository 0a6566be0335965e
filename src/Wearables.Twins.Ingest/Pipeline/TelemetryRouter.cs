using Wearables.Twins.Grains;
using Wearables.Twins.Telemetry;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>Hands one device's batch to its wearable twin: one grain call per batch, never per sample.</summary>
public sealed class TelemetryRouter(IGrainFactory grains)
{
    public ValueTask<RecordResult> RouteAsync(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return grains.GetGrain<IWearableGrain>(batch.DeviceId).RecordAsync(batch);
    }

    /// <summary>Persists the wearable twin and its patients; returns their incarnation (see <see cref="IWearableGrain.FlushAsync"/>).</summary>
    public ValueTask<long> FlushAsync(string wearableId) => grains.GetGrain<IWearableGrain>(wearableId).FlushAsync();
}
