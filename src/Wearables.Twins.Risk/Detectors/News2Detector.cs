using System.Collections.Immutable;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Detectors;

/// <summary>
/// NEWS2 from what the twin knows: a clinician-entered value of the last 12 h wins over the wearable's; wearable values
/// count while fresh (respiration, SpO2, pulse: the median of ≥ 2 readings of the last hour, so one artefact does not score;
/// temperature 4 h; blood pressure 24 h: latest reading). Pulse uses resting awake heart rate only, as the chart assumes
/// a patient at rest. A finding opens for the low–medium band or above (RCP 2017:
/// a single 3 or an aggregate ≥ 5 triggers an urgent review) when ≥ 3 parameters are known, and stays open while the
/// aggregate is ≥ 3 or any parameter scores 3.
/// </summary>
public sealed class News2Detector : IRiskDetector
{
    public static readonly TimeSpan ClinicianFreshness = TimeSpan.FromHours(12);
    public static readonly TimeSpan VitalFreshness = TimeSpan.FromHours(1);
    public static readonly TimeSpan TemperatureFreshness = TimeSpan.FromHours(4);
    public static readonly TimeSpan BloodPressureFreshness = TimeSpan.FromHours(24);
    public const int MinParameters = 3;

    /// <summary>Readings a wearable parameter needs within the hour: one spot reading can be an artefact.</summary>
    public const int MinWearableReadings = 2;

    private const string Rule = "RCP NEWS2 2017: opens at low–medium (any 3, or aggregate ≥ 5; ≥ 5 medium, ≥ 7 high) with ≥ 3 parameters; closes when aggregate < 3 and no 3";

    public FindingKind Kind => FindingKind.News2;

    public RiskSignal Evaluate(RiskInput input) => Evaluate(input, out _);

    public RiskSignal Evaluate(RiskInput input, out News2Result score)
    {
        score = News2Calculator.Calculate(Observations(input));
        var scored = score.Parameters.Length;
        var level = scored < MinParameters ? RiskLevel.None : score.Band switch
        {
            News2Band.High => RiskLevel.High,
            News2Band.Medium => RiskLevel.Medium,
            News2Band.LowMedium => RiskLevel.Low,
            _ => RiskLevel.None,
        };
        var missing = score.IsPartial ? $" Missing: {string.Join(", ", score.Missing)}." : "";
        var summary = level == RiskLevel.None
            ? $"NEWS2 {(score.IsPartial ? "partial " : "")}score {score.Aggregate} ({score.Band}).{missing}"
            : $"Screening signal: NEWS2 {(score.IsPartial ? "partial " : "")}score {score.Aggregate}, band {score.Band}.{missing}";
        var evidence = score.Parameters.Select(p => new EvidenceSample(p.Parameter.ToString(), p.Time ?? input.Now, p.Value, p.Score)).ToImmutableArray();
        var persisting = scored >= MinParameters ? score.Aggregate >= 3 || score.AnySingleThree : true;
        return new RiskSignal(Kind, level, persisting, score.Aggregate, summary, Rule, evidence);
    }

    /// <summary>The observations the score uses, from clinician entries and the twin's recent samples.</summary>
    public static News2Observations Observations(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<VitalSample> resting = new VitalSample[Math.Min(512, input.HeartRate.Length + input.RestingHeartRate.Length)];
        var restingCount = RestingSamples.Collect(input, VitalFreshness, resting);
        return new News2Observations
        {
            UseScale2 = input.Flags.UseSpo2Scale2,
            RespirationRate = Pick(input, News2Parameter.RespirationRate, MedianOf(input.RespiratoryRate.AsSpan(), input.Now, VitalFreshness, MinWearableReadings)),
            OxygenSaturation = Pick(input, News2Parameter.OxygenSaturation, MedianOf(input.OxygenSaturation.AsSpan(), input.Now, VitalFreshness, MinWearableReadings)),
            AirOrOxygen = Pick(input, News2Parameter.AirOrOxygen, null),
            SystolicBloodPressure = Pick(input, News2Parameter.SystolicBloodPressure, Latest(input.BloodPressure.AsSpan(), input.Now, BloodPressureFreshness)),
            Pulse = Pick(input, News2Parameter.Pulse, MedianOf(resting[..restingCount], input.Now, VitalFreshness, MinWearableReadings)),
            Consciousness = Pick(input, News2Parameter.Consciousness, null),
            Temperature = Pick(input, News2Parameter.Temperature, Latest(input.BodyTemperature.AsSpan(), input.Now, TemperatureFreshness)),
        };
    }

    private static News2Reading? Latest(ReadOnlySpan<VitalSample> samples, DateTimeOffset now, TimeSpan freshness)
    {
        for (var i = samples.Length - 1; i >= 0; i--)
        {
            if (samples[i].Time <= now)
            {
                return now - samples[i].Time <= freshness ? new News2Reading(samples[i].Value, samples[i].Time, News2Source.Wearable) : null;
            }
        }

        return null;
    }

    private static News2Reading? MedianOf(ReadOnlySpan<VitalSample> samples, DateTimeOffset now, TimeSpan freshness, int minReadings)
    {
        var from = SampleEvidence.IndexFrom(samples, now - freshness);
        var to = samples.Length;
        while (to > from && samples[to - 1].Time > now)
        {
            to--;
        }

        if (to - from < minReadings)
        {
            return null;
        }

        Span<double> values = stackalloc double[Math.Min(256, to - from)];
        var recent = samples[(to - values.Length)..to];
        for (var i = 0; i < recent.Length; i++)
        {
            values[i] = recent[i].Value;
        }

        return new News2Reading(Baselines.RobustStatistics.Median(values), recent[^1].Time, News2Source.Wearable);
    }

    private static News2Reading? Pick(RiskInput input, News2Parameter parameter, News2Reading? wearable)
    {
        ManualObservation? latest = null;
        foreach (var observation in input.Observations)
        {
            if (observation.Parameter == parameter && observation.Time <= input.Now && input.Now - observation.Time <= ClinicianFreshness
                && (latest is null || observation.Time > latest.Time))
            {
                latest = observation;
            }
        }

        return latest is null ? wearable : new News2Reading(latest.Value, latest.Time, News2Source.Clinician);
    }
}
