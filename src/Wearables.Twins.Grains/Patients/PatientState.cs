using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// What a patient twin persists. Bounded: one window per vital (capacity from the catalogue), the
/// patient's wearables, and the last <see cref="RecentIds.Capacity"/> message ids.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.PatientState")]
public sealed class PatientState
{
    [Id(0)]
    public List<string> Wearables { get; init; } = [];

    [Id(1)]
    public DateTimeOffset? LastUpdate { get; set; }

    [Id(2)]
    public long Samples { get; set; }

    /// <summary>Recent windows keyed by vital id.</summary>
    [Id(3)]
    public Dictionary<byte, VitalWindow> Windows { get; init; } = [];

    /// <summary>Recently applied messages as "wearable/message" keys, to ignore redeliveries.</summary>
    [Id(4)]
    public RecentIds RecentMessages { get; init; } = new();

    /// <summary>Samples older than a full window when they arrived (kept in history only).</summary>
    [Id(5)]
    public long OlderThanWindow { get; set; }

    public bool IsKnown => Wearables.Count > 0 || Samples > 0;
}
