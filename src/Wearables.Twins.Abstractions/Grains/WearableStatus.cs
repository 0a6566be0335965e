using System.Collections.Immutable;

namespace Wearables.Twins.Grains;

/// <summary>The wearable twin as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.WearableStatus")]
public sealed record WearableStatus(
    [property: Id(0)] string WearableId,
    [property: Id(1)] string? PatientId,
    [property: Id(2)] string? Vendor,
    [property: Id(3)] string? Model,
    [property: Id(4)] string? Firmware,
    [property: Id(5)] double? BatteryPercent,
    [property: Id(6)] DateTimeOffset? FirstSeen,
    [property: Id(7)] DateTimeOffset? LastSeen,
    [property: Id(8)] long Messages,
    [property: Id(9)] long Samples,
    [property: Id(10)] long Duplicates,
    [property: Id(11)] int PendingSamples,
    [property: Id(12)] long PendingDropped,
    [property: Id(13)] ImmutableDictionary<string, long> SamplesByVital);
