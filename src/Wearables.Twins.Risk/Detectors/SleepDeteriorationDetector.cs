using System.Collections.Immutable;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Nights clearly shorter than the wearer's own: at least 3 of the last 4 nights with a robust z ≤ −2 against the
/// median/MAD of nights 5–32 days ago (≥ 10 nights). Personal-baseline sleep change as an illness and well-being
/// signal follows Quer et al. 2021 (Nat Med 27:73–77). Stays open while 2 of the last 4 nights have z ≤ −1.
/// </summary>
public sealed class SleepDeteriorationDetector : IRiskDetector
{
    public const int RecentNights = 4;
    public const int MinBaselineNights = 10;

    /// <summary>Floor of the robust scale (minutes).</summary>
    public const double MinScale = 20;

    private const string Rule = "≥ 3 of the last 4 nights with sleep-time robust z ≤ −2 vs the personal 28-night baseline; closes when < 2 nights have z ≤ −1";

    public FindingKind Kind => FindingKind.SleepDeterioration;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var metric = input.Baselines[BaselineMetric.SleepMinutes];
        var today = PersonalBaselines.DayOf(input.Now);
        var firstRecent = today - RecentNights + 1;
        var baseline = metric.Estimate(firstRecent - 28, firstRecent, -1, MinScale);
        if (baseline.Days < MinBaselineNights)
        {
            return RiskSignal.Unknown(Kind, $"Personal sleep baseline not ready ({baseline.Days} of {MinBaselineNights} nights).", Rule);
        }

        int severe = 0, mild = 0;
        var worst = double.PositiveInfinity;
        var evidence = ImmutableArray.CreateBuilder<EvidenceSample>(RecentNights);
        for (var day = firstRecent; day <= today; day++)
        {
            if (!metric.TryGetDay(day, -1, out var minutes))
            {
                continue;
            }

            var z = baseline.Deviation(minutes);
            severe += z <= -2 ? 1 : 0;
            mild += z <= -1 ? 1 : 0;
            worst = Math.Min(worst, z);
            evidence.Add(new EvidenceSample("sleep_minutes", new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), input.Now.Offset), Math.Round(minutes)));
        }

        var level = severe >= 3 ? RiskLevel.Low : RiskLevel.None;
        var reference = new BaselineReference(nameof(BaselineMetric.SleepMinutes), baseline.Median, baseline.Scale, baseline.Days);
        var summary = level == RiskLevel.None
            ? $"Sleep within the personal range ({mild} of the last {RecentNights} nights somewhat short)."
            : $"Screening signal: {severe} of the last {RecentNights} nights much shorter than the personal baseline of {baseline.Median / 60:0.0} h.";
        return new RiskSignal(Kind, level, mild >= 2, double.IsInfinity(worst) ? double.NaN : worst, summary, Rule, evidence.ToImmutable(), reference);
    }
}
