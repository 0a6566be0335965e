using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Sustained low SpO2: every reading of a run below the threshold, the run spanning ≥ 5 minutes with ≥ 2 readings.
/// Thresholds: &lt; 90% (hypoxaemia, WHO "Pulse oximetry training manual" 2011; BTS oxygen guideline 2017, target
/// 94–98%), &lt; 85% high. On scale 2 (target 88–92%, BTS 2017) &lt; 86% and &lt; 80%. Stays open until the median of
/// the last three readings is back at or above 92% (scale 2: 88%).
/// </summary>
public sealed class HypoxemiaDetector : IRiskDetector
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(2);

    public FindingKind Kind => FindingKind.Hypoxemia;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scale2 = input.Flags.UseSpo2Scale2;
        double openBelow = scale2 ? 86 : 90, highBelow = scale2 ? 80 : 85, keepBelow = scale2 ? 88 : 92;
        var rule = $"SpO2 < {openBelow}% in every reading for ≥ 5 min (< {highBelow}% high); closes when the median of the last 3 readings ≥ {keepBelow}%";
        var all = input.OxygenSaturation.AsSpan();
        var recent = all[SampleEvidence.IndexFrom(all, input.Now - Lookback)..];
        if (recent.IsEmpty)
        {
            return RiskSignal.Unknown(Kind, "No recent SpO2 readings.", rule);
        }

        // The latest run of consecutive readings below the threshold.
        var runStart = recent.Length;
        while (runStart > 0 && recent[runStart - 1].Value < openBelow)
        {
            runStart--;
        }

        var run = recent[runStart..];
        Span<double> lastThree = stackalloc double[Math.Min(3, recent.Length)];
        for (var i = 0; i < lastThree.Length; i++)
        {
            lastThree[i] = recent[recent.Length - 1 - i].Value;
        }

        var latestMedian = Baselines.RobustStatistics.Median(lastThree);
        var persisting = latestMedian < keepBelow;
        if (run.Length < 2 || run[^1].Time - run[0].Time < MinDuration)
        {
            return new RiskSignal(Kind, RiskLevel.None, persisting, latestMedian,
                $"SpO2 median of the latest readings {SampleEvidence.Number(latestMedian)}%.", rule, SampleEvidence.Last(recent));
        }

        Span<double> values = stackalloc double[run.Length];
        for (var i = 0; i < run.Length; i++)
        {
            values[i] = run[i].Value;
        }

        var median = Baselines.RobustStatistics.Median(values);
        var level = median < highBelow ? RiskLevel.High : RiskLevel.Medium;
        var minutes = (run[^1].Time - run[0].Time).TotalMinutes;
        return new RiskSignal(Kind, level, true, median,
            $"Screening signal: SpO2 below {openBelow}% for {minutes:0} min (median {SampleEvidence.Number(median)}%).",
            rule, SampleEvidence.Last(run), ObservedSince: run[0].Time);
    }
}
