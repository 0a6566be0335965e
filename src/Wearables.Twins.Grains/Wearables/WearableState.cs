using Wearables.Twins.Grains.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Wearables;

/// <summary>
/// What a wearable twin persists. Bounded: per-vital counters (one per catalogue entry), the last
/// <see cref="RecentIds.Capacity"/> message ids, and at most <see cref="PendingCapacity"/> samples held
/// while the wearable is bound to nobody.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.WearableState")]
public sealed class WearableState
{
    public const int PendingCapacity = 20_000;

    [Id(0)] public string? PatientId { get; set; }
    [Id(1)] public string? Vendor { get; set; }
    [Id(2)] public string? Model { get; set; }
    [Id(3)] public string? Firmware { get; set; }
    [Id(4)] public double? BatteryPercent { get; set; }
    [Id(5)] public DateTimeOffset? FirstSeen { get; set; }
    [Id(6)] public DateTimeOffset? LastSeen { get; set; }
    [Id(7)] public long Messages { get; set; }
    [Id(8)] public long Samples { get; set; }
    [Id(9)] public long Duplicates { get; set; }
    [Id(10)] public Dictionary<byte, long> SamplesByVital { get; init; } = [];
    [Id(11)] public RecentIds RecentMessages { get; init; } = new();

    /// <summary>Samples received before the wearable was bound; forwarded on binding.</summary>
    [Id(12)] public List<VitalSample> Pending { get; init; } = [];

    /// <summary>Pending samples dropped (oldest first) because more than the capacity arrived unbound.</summary>
    [Id(13)] public long PendingDropped { get; set; }

    public bool IsKnown => FirstSeen is not null || PatientId is not null;
}
