using System.Collections.Immutable;

namespace Wearables.Twins.Risk.Findings;

/// <summary>
/// A screening finding of one kind for one patient: opened once, updated by every evaluation, resolved once.
/// </summary>
/// <param name="Id">Stable identity: {patient}/{kind}/{opened, UTC ticks}; a reopened finding gets a new one.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Level">Current level.</param>
/// <param name="Status">Open or resolved.</param>
/// <param name="OpenedAt">When the tracker opened it.</param>
/// <param name="Since">When the condition began in the data (falls back to <paramref name="OpenedAt"/>).</param>
/// <param name="UpdatedAt">Last evaluation that touched it.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="Summary">Latest one-sentence description, in screening wording.</param>
/// <param name="Rule">The rule and thresholds applied.</param>
/// <param name="Evidence">Latest evidence samples.</param>
/// <param name="Baseline">Personal baseline compared against, if any.</param>
/// <param name="Value">Latest key measurement.</param>
/// <param name="Trend">Direction of the key measurement since the previous evaluation.</param>
/// <param name="Revision">Incremented on every transition; with <paramref name="Id"/> it makes transition ids unique.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.Finding")]
public sealed record Finding(
    [property: Id(0)] string Id,
    [property: Id(1)] FindingKind Kind,
    [property: Id(2)] RiskLevel Level,
    [property: Id(3)] FindingStatus Status,
    [property: Id(4)] DateTimeOffset OpenedAt,
    [property: Id(5)] DateTimeOffset Since,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] DateTimeOffset? ResolvedAt,
    [property: Id(8)] string Summary,
    [property: Id(9)] string Rule,
    [property: Id(10)] ImmutableArray<EvidenceSample> Evidence,
    [property: Id(11)] BaselineReference? Baseline,
    [property: Id(12)] double Value,
    [property: Id(13)] Trend Trend,
    [property: Id(14)] int Revision);
