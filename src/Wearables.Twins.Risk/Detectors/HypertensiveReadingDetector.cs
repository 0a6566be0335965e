using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Blood-pressure readings in the hypertensive range per the 2017 ACC/AHA guideline (Whelton et al., Hypertension
/// 71:e13–e115): the mean of the last (up to 3) readings of 7 days, at least 2, in stage 2 (≥ 140 systolic or ≥ 90
/// diastolic) → low; ≥ 160/100 → medium. A reading in the crisis range (&gt; 180 and/or &gt; 120) → medium, and high
/// when a second reading within 30 minutes confirms it (the guideline asks for a repeat). Stays open while the mean
/// stays ≥ 135/85. Stage 1 (130–139/80–89) is reported in the summary only.
/// </summary>
public sealed class HypertensiveReadingDetector : IRiskDetector
{
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(7);
    public static readonly TimeSpan CrisisRepeat = TimeSpan.FromMinutes(30);

    private const string Rule = "ACC/AHA 2017: mean of last ≤3 readings (≥2, 7 days) ≥ 140/90 low, ≥ 160/100 medium; "
        + "a reading > 180/120 medium, confirmed within 30 min high; closes when the mean < 135/85";

    public FindingKind Kind => FindingKind.HypertensiveReading;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var all = input.BloodPressure.AsSpan();
        var recent = all[SampleEvidence.IndexFrom(all, input.Now - Lookback)..];
        if (recent.IsEmpty)
        {
            return RiskSignal.Unknown(Kind, "No blood pressure reading in the last 7 days.", Rule);
        }

        var latest = recent[^1];
        var crisis = IsCrisis(latest.Value, latest.Value2);
        var confirmed = crisis && recent.Length > 1
            && IsCrisis(recent[^2].Value, recent[^2].Value2) && latest.Time - recent[^2].Time <= CrisisRepeat;

        var last = recent[Math.Max(0, recent.Length - 3)..];
        double systolic = 0, diastolic = 0;
        foreach (ref readonly var reading in last)
        {
            systolic += reading.Value;
            diastolic += reading.Value2;
        }

        systolic /= last.Length;
        diastolic /= last.Length;
        var averaged = last.Length >= 2;
        var level = confirmed ? RiskLevel.High
            : crisis ? RiskLevel.Medium
            : averaged && (systolic >= 160 || diastolic >= 100) ? RiskLevel.Medium
            : averaged && (systolic >= 140 || diastolic >= 90) ? RiskLevel.Low
            : RiskLevel.None;
        var persisting = crisis || systolic >= 135 || diastolic >= 85;
        var mean = $"{systolic:0}/{diastolic:0} mmHg (mean of {last.Length})";
        var summary = level switch
        {
            RiskLevel.High => $"Screening signal: two readings in the hypertensive crisis range within 30 min (latest {latest.Value:0}/{latest.Value2:0} mmHg).",
            RiskLevel.Medium when crisis => $"Screening signal: a reading in the hypertensive crisis range ({latest.Value:0}/{latest.Value2:0} mmHg); a repeat reading is advised.",
            RiskLevel.None when averaged && (systolic >= 130 || diastolic >= 80) => $"Readings in the stage 1 range: {mean}.",
            RiskLevel.None => $"Blood pressure {mean}.",
            _ => $"Screening signal: hypertensive readings, {mean}.",
        };
        return new RiskSignal(Kind, level, persisting, systolic, summary, Rule, SampleEvidence.Last(last), ObservedSince: level == RiskLevel.None ? null : last[0].Time);
    }

    private static bool IsCrisis(double systolic, double diastolic) => systolic > 180 || diastolic > 120;
}
