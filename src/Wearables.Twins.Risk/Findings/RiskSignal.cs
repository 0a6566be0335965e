using System.Collections.Immutable;

namespace Wearables.Twins.Risk.Findings;

/// <summary>
/// What one detector saw in one evaluation. Detectors are stateless; the <see cref="FindingTracker"/> turns a stream of
/// signals into findings with hysteresis: <see cref="Level"/> says whether the (stricter) open criteria are met and how
/// urgent they are, <see cref="Persisting"/> whether the (looser) keep-open criteria still hold.
/// </summary>
/// <param name="Kind">Which detector.</param>
/// <param name="Level">Level when the open criteria are met; <see cref="RiskLevel.None"/> otherwise.</param>
/// <param name="Persisting">Whether an open finding of this kind should stay open (close threshold not crossed).</param>
/// <param name="Value">The key measurement (aggregate score, median SpO2, CuSum statistic …) used for the trend.</param>
/// <param name="Summary">One sentence in screening wording: what was seen, never a diagnosis.</param>
/// <param name="Rule">The threshold or rule applied, with its source, e.g. "SpO2 &lt; 90% for ≥ 5 min".</param>
/// <param name="Evidence">The samples the signal rests on (a few, not the whole window).</param>
/// <param name="Baseline">The personal baseline compared against, when there is one.</param>
/// <param name="ObservedSince">When the condition began in the data, when known.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.RiskSignal")]
public sealed record RiskSignal(
    [property: Id(0)] FindingKind Kind,
    [property: Id(1)] RiskLevel Level,
    [property: Id(2)] bool Persisting,
    [property: Id(3)] double Value,
    [property: Id(4)] string Summary,
    [property: Id(5)] string Rule,
    [property: Id(6)] ImmutableArray<EvidenceSample> Evidence,
    [property: Id(7)] BaselineReference? Baseline = null,
    [property: Id(8)] DateTimeOffset? ObservedSince = null)
{
    /// <summary>Nothing seen and nothing to keep open.</summary>
    public static RiskSignal Clear(FindingKind kind, string summary, string rule)
        => new(kind, RiskLevel.None, false, double.NaN, summary, rule, []);

    /// <summary>Not enough data to say: keeps an open finding as it is, never opens one.</summary>
    public static RiskSignal Unknown(FindingKind kind, string summary, string rule)
        => new(kind, RiskLevel.None, true, double.NaN, summary, rule, []);
}
