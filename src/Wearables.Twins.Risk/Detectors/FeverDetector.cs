using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// Fever from body (core) temperature readings: the latest reading of the last 24 h ≥ 38.0 °C (CDC's definition of
/// fever, 100.4 °F; NICE NG143 uses the same threshold), ≥ 39.0 °C medium, ≥ 40.0 °C high. Stays open until a
/// reading falls below 37.5 °C. Wrist temperature deviations are not used: they are relative and not validated for fever.
/// </summary>
public sealed class FeverDetector : IRiskDetector
{
    public const double OpenAt = 38.0;
    public const double MediumAt = 39.0;
    public const double HighAt = 40.0;
    public const double CloseBelow = 37.5;
    public static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    private const string Rule = "body temperature ≥ 38.0 °C (≥ 39.0 medium, ≥ 40.0 high); closes below 37.5 °C";

    public FindingKind Kind => FindingKind.Fever;

    public RiskSignal Evaluate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var all = input.BodyTemperature.AsSpan();
        var recent = all[SampleEvidence.IndexFrom(all, input.Now - Lookback)..];
        if (recent.IsEmpty)
        {
            return RiskSignal.Unknown(Kind, "No body temperature reading in the last 24 h.", Rule);
        }

        var latest = recent[^1];
        var level = latest.Value >= HighAt ? RiskLevel.High
            : latest.Value >= MediumAt ? RiskLevel.Medium
            : latest.Value >= OpenAt ? RiskLevel.Low
            : RiskLevel.None;

        var since = recent.Length - 1;
        while (since > 0 && recent[since - 1].Value >= OpenAt)
        {
            since--;
        }

        var summary = level == RiskLevel.None
            ? $"Latest body temperature {SampleEvidence.Number(latest.Value)} °C."
            : $"Screening signal: body temperature {SampleEvidence.Number(latest.Value)} °C.";
        return new RiskSignal(Kind, level, latest.Value >= CloseBelow, latest.Value, summary, Rule,
            SampleEvidence.Last(recent), ObservedSince: level == RiskLevel.None ? null : recent[since].Time);
    }
}
