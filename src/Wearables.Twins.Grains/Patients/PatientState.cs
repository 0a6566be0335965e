using System.Collections.Immutable;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Risk.Engine;

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

    /// <summary>Baselines, findings and rhythm history of the risk engine (bounded by the engine).</summary>
    [Id(6)]
    public RiskState Risk { get; init; } = new();

    /// <summary>Values a clinician entered (<c>PUT …/observations</c>), used where wearables measure nothing.</summary>
    [Id(7)]
    public ImmutableArray<ManualObservation> Observations { get; set; } = [];

    [Id(8)]
    public ClinicalFlags Flags { get; set; } = ClinicalFlags.None;

    /// <summary>Recommendations not yet accepted by the topic, oldest first; at most <see cref="OutboxCapacity"/>.</summary>
    [Id(9)]
    public List<Recommendation> Outbox { get; init; } = [];

    /// <summary>Recommendations dropped because the outbox was full (the topic unreachable for long).</summary>
    [Id(10)]
    public long OutboxDropped { get; set; }

    /// <summary>The care team following the patient; stamped on every recommendation so its alerts reach that team.</summary>
    [Id(11)]
    public string? CareTeamId { get; set; }

    public const int OutboxCapacity = 256;

    public bool IsKnown => Wearables.Count > 0 || Samples > 0;
}
