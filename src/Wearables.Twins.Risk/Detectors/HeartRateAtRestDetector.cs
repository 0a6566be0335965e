using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Tachycardia or bradycardia at rest and awake: the median of ≥ 3 resting heart-rate samples spanning ≥ 10 min in
/// the last 30 min. Tachycardia &gt; 100/min (low), &gt; 120 (medium), &gt; 140 (high); closes at ≤ 95. Bradycardia
/// &lt; 50/min (2018 ACC/AHA/HRS bradycardia guideline, Kusumoto et al., Circulation 140:e382), &lt; 40 medium,
/// &lt; 35 high; closes at ≥ 53. Awake resting rates in the 40s are common in fit people, so the threshold is personal:
/// min(50, baseline − 10) once ≥ 7 days of resting-HR baseline exist, and 40 until then. Samples during sleep never count.
/// </summary>
public sealed class HeartRateAtRestDetector
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MinSpan = TimeSpan.FromMinutes(10);

    private const string TachyRule = "median resting awake HR over ≥ 10 min > 100/min (> 120 medium, > 140 high); closes ≤ 95";
    private const string BradyRule = "median resting awake HR over ≥ 10 min < min(50, personal baseline − 10)/min (40 without baseline; < 40 medium, < 35 high); closes 3 above";

    /// <summary>Both signals (tachycardia first) from one pass over the samples.</summary>
    public (RiskSignal Tachycardia, RiskSignal Bradycardia) Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<VitalSample> resting = new VitalSample[Math.Min(512, input.HeartRate.Length + input.RestingHeartRate.Length)];
        var count = RestingSamples.Collect(input, Window, resting);
        var samples = resting[..count];
        if (count < 3 || samples[^1].Time - samples[0].Time < MinSpan)
        {
            return (RiskSignal.Unknown(FindingKind.TachycardiaAtRest, "Not enough resting heart-rate data in the last 30 min.", TachyRule),
                RiskSignal.Unknown(FindingKind.BradycardiaAtRest, "Not enough resting heart-rate data in the last 30 min.", BradyRule));
        }

        Span<double> values = stackalloc double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = samples[i].Value;
        }

        var median = RobustStatistics.Median(values);
        var evidence = SampleEvidence.Last(samples);
        var today = PersonalBaselines.DayOf(input.Now);
        var baseline = input.Baselines[BaselineMetric.RestingHeartRate].Estimate(today - 28, today, -1, 2);
        var bradyBelow = baseline.Days < 7 ? 40 : Math.Min(50, baseline.Median - 10);

        var tachyLevel = median > 140 ? RiskLevel.High : median > 120 ? RiskLevel.Medium : median > 100 ? RiskLevel.Low : RiskLevel.None;
        var bradyLevel = median < Math.Min(35, bradyBelow) ? RiskLevel.High
            : median < Math.Min(40, bradyBelow) ? RiskLevel.Medium
            : median < bradyBelow ? RiskLevel.Low
            : RiskLevel.None;
        var reference = baseline.IsAvailable ? new BaselineReference(nameof(BaselineMetric.RestingHeartRate), baseline.Median, baseline.Scale, baseline.Days) : null;
        var text = $"median resting heart rate {median:0}/min over the last {(samples[^1].Time - samples[0].Time).TotalMinutes:0} min";
        return (
            new RiskSignal(FindingKind.TachycardiaAtRest, tachyLevel, median > 95, median,
                tachyLevel == RiskLevel.None ? $"No tachycardia at rest: {text}." : $"Screening signal: fast heart rate at rest, {text}.",
                TachyRule, evidence, reference, tachyLevel == RiskLevel.None ? null : samples[0].Time),
            new RiskSignal(FindingKind.BradycardiaAtRest, bradyLevel, median < bradyBelow + 3, median,
                bradyLevel == RiskLevel.None ? $"No bradycardia at rest: {text}." : $"Screening signal: slow heart rate at rest, {text}.",
                BradyRule, evidence, reference, bradyLevel == RiskLevel.None ? null : samples[0].Time));
    }
}
