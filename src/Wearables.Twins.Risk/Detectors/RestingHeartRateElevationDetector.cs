using System.Collections.Immutable;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Early-illness screen: daily resting heart rate against the wearer's own 28-day baseline with a one-sided CuSum
/// (Page 1954), after Mishra et al. 2020 ("Pre-symptomatic detection of COVID-19 from smartwatch data", Nat Biomed Eng
/// 4:1208–1220: resting HR from zero-step minutes, 28-day baseline, CuSum online alarm) and Quer et al. 2021 (Nat Med
/// 27:73–77: resting HR and sleep changes versus personal baselines). Baseline: median/MAD of the daily values from
/// 35 to 8 days ago (≥ 14 days), so a rise in the last week does not raise its own baseline. Statistic over the last
/// 7 days (today included once it has ≥ 6 resting samples): S = max(0, S + z − k), k = 0.5. Opens at S ≥ 5 (low) and
/// S ≥ 10 (medium); stays open while S ≥ 2.5.
/// </summary>
public sealed class RestingHeartRateElevationDetector : IRiskDetector
{
    public const double Slack = 0.5;
    public const double OpenAt = 5;
    public const double MediumAt = 10;
    public const double KeepAt = 2.5;
    public const int EvaluationDays = 7;
    public const int BaselineDays = 28;
    public const int MinBaselineDays = 14;
    public const int MinSamplesToday = 6;

    /// <summary>Floor of the robust scale (bpm): day-to-day resting HR rarely varies by less.</summary>
    public const double MinScale = 2.0;

    private const string Rule = "CuSum of daily resting-HR robust z vs 28-day personal baseline (k = 0.5): open S ≥ 5 (≥ 10 medium), close S < 2.5";

    public FindingKind Kind => FindingKind.RestingHeartRateElevation;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var metric = input.Baselines[BaselineMetric.RestingHeartRate];
        var today = PersonalBaselines.DayOf(input.Now);
        var firstDay = today - EvaluationDays + 1;
        var baseline = metric.Estimate(firstDay - BaselineDays, firstDay, -1, MinScale);
        if (baseline.Days < MinBaselineDays)
        {
            return RiskSignal.Unknown(Kind, $"Personal resting heart-rate baseline not ready ({baseline.Days} of {MinBaselineDays} days).", Rule);
        }

        var cusum = 0.0;
        var peakExcess = 0.0;
        DateTimeOffset? since = null;
        var evidence = ImmutableArray.CreateBuilder<EvidenceSample>(EvaluationDays);
        for (var day = firstDay; day <= today; day++)
        {
            if (day == today && metric.CurrentCount(day, -1) < MinSamplesToday)
            {
                continue;
            }

            if (!metric.TryGetDay(day, -1, out var value))
            {
                continue;
            }

            var date = DateOnly.FromDayNumber(day).ToDateTime(TimeOnly.MinValue);
            var time = new DateTimeOffset(date, input.Now.Offset);
            evidence.Add(new EvidenceSample("resting_heart_rate_daily", time, Math.Round(value, 1)));
            cusum = Math.Max(0, cusum + baseline.Deviation(value) - Slack);
            if (cusum == 0)
            {
                since = null;
            }
            else
            {
                since ??= time;
                peakExcess = Math.Max(peakExcess, value - baseline.Median);
            }
        }

        var level = cusum >= MediumAt ? RiskLevel.Medium : cusum >= OpenAt ? RiskLevel.Low : RiskLevel.None;
        var reference = new BaselineReference(nameof(BaselineMetric.RestingHeartRate), baseline.Median, baseline.Scale, baseline.Days);
        var summary = level == RiskLevel.None
            ? $"Resting heart rate within the personal range (CuSum {cusum:0.0})."
            : $"Screening signal: resting heart rate up to {peakExcess:0} /min above the personal baseline of {baseline.Median:0} /min since {since:yyyy-MM-dd} (CuSum {cusum:0.0}); such rises can precede symptoms of an infection.";
        return new RiskSignal(Kind, level, cusum >= KeepAt, cusum, summary, Rule, evidence.ToImmutable(), reference, level == RiskLevel.None ? null : since);
    }
}
