using System.Collections.Immutable;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// A rising trend in the device's stress score (0–100, an HRV-derived vendor score): over the last 7 days (≥ 5 days
/// with data) a Theil–Sen slope (Theil 1950; Sen 1968) ≥ 2 points/day and the mean of the last 3 days ≥ 2 robust
/// z above the wearer's baseline of days 8–35 ago (≥ 14 days). Stays open while the slope ≥ 0.5 or the z ≥ 1.
/// A well-being signal only: no clinical threshold exists for vendor stress scores.
/// </summary>
public sealed class RisingStressDetector : IRiskDetector
{
    public const int TrendDays = 7;
    public const double MinSlope = 2;
    public const double MinZ = 2;
    public const double MinScale = 3;

    private const string Rule = "stress score: 7-day Theil–Sen slope ≥ 2/day and last-3-day mean z ≥ 2 vs personal baseline; closes when slope < 0.5 and z < 1";

    public FindingKind Kind => FindingKind.RisingStress;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var metric = input.Baselines[BaselineMetric.StressScore];
        var today = PersonalBaselines.DayOf(input.Now);
        var first = today - TrendDays + 1;
        var baseline = metric.Estimate(first - 28, first, -1, MinScale);
        Span<double> x = stackalloc double[TrendDays];
        Span<double> y = stackalloc double[TrendDays];
        var count = 0;
        var evidence = ImmutableArray.CreateBuilder<EvidenceSample>(TrendDays);
        for (var day = first; day <= today; day++)
        {
            if (metric.TryGetDay(day, -1, out var value))
            {
                x[count] = day;
                y[count++] = value;
                evidence.Add(new EvidenceSample("stress_score_daily", new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue), input.Now.Offset), Math.Round(value, 1)));
            }
        }

        if (baseline.Days < 14 || count < 5)
        {
            return RiskSignal.Unknown(Kind, "Not enough stress-score history for a trend.", Rule);
        }

        Span<double> scratch = stackalloc double[TrendDays * TrendDays];
        var slope = RobustStatistics.TheilSenSlope(x[..count], y[..count], scratch);
        var recent = (y[count - 1] + y[count - 2] + y[count - 3]) / 3;
        var z = baseline.Deviation(recent);
        var level = slope >= MinSlope && z >= MinZ ? RiskLevel.Low : RiskLevel.None;
        var reference = new BaselineReference(nameof(BaselineMetric.StressScore), baseline.Median, baseline.Scale, baseline.Days);
        var summary = level == RiskLevel.None
            ? $"Stress score trend {slope:+0.0;-0.0}/day."
            : $"Screening signal: stress score rising {slope:0.0} points/day, recent mean {recent:0} vs personal baseline {baseline.Median:0}.";
        return new RiskSignal(Kind, level, slope >= 0.5 || z >= 1, slope, summary, Rule, evidence.ToImmutable(), reference);
    }
}
