using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Telemetry;

/// <summary>
/// The accepted samples of one envelope: what the durable log stores and what the wearable twin receives.
/// </summary>
/// <param name="DeviceId">The wearable that sent it.</param>
/// <param name="MessageId">The sender's id of the envelope; redelivery carries the same id.</param>
/// <param name="ReceivedAt">When the service received it.</param>
/// <param name="Device">Device metadata, if the envelope carried any.</param>
/// <param name="Samples">Validated samples in canonical units.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.TelemetryBatch")]
public sealed record TelemetryBatch(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string MessageId,
    [property: Id(2)] DateTimeOffset ReceivedAt,
    [property: Id(3)] DeviceInfo? Device,
    [property: Id(4)] ImmutableArray<VitalSample> Samples)
{
    /// <summary>
    /// Delivered again from the telemetry log (start-up replay, or twins lost with a silo). Twins then hand every
    /// sample to history even if they hold it already: their state may have been saved after the lake last flushed.
    /// </summary>
    [Id(5)]
    public bool Redelivered { get; init; }
}
