using System.Collections.Immutable;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Rhythm;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// Everything one evaluation looks at: the twin's recent samples per vital (its ring windows, oldest first), the
/// personal baselines, the recent rhythm verdicts, clinician-entered observations and flags. Self-contained and
/// JSON-serialisable, so the same input goes to the built-in engine or to a remote model.
/// </summary>
public sealed record RiskInput
{
    public required DateTimeOffset Now { get; init; }

    public ImmutableArray<VitalSample> HeartRate { get; init; } = [];

    public ImmutableArray<VitalSample> RrIntervals { get; init; } = [];

    public ImmutableArray<VitalSample> OxygenSaturation { get; init; } = [];

    public ImmutableArray<VitalSample> RespiratoryRate { get; init; } = [];

    public ImmutableArray<VitalSample> BodyTemperature { get; init; } = [];

    public ImmutableArray<VitalSample> BloodPressure { get; init; } = [];

    public ImmutableArray<VitalSample> Steps { get; init; } = [];

    public ImmutableArray<VitalSample> SleepStages { get; init; } = [];

    public ImmutableArray<VitalSample> RestingHeartRate { get; init; } = [];

    public ImmutableArray<ManualObservation> Observations { get; init; } = [];

    public ClinicalFlags Flags { get; init; } = ClinicalFlags.None;

    public PersonalBaselines Baselines { get; init; } = new();

    /// <summary>Rhythm windows judged by earlier evaluations (for the confirmation rule), oldest first.</summary>
    public ImmutableArray<RhythmWindow> RhythmHistory { get; init; } = [];

    /// <summary>Builds an input from any collection of recent samples, sorting them into their vitals by time.</summary>
    public static RiskInput FromSamples(DateTimeOffset now, IEnumerable<VitalSample> samples) => FromSamples(now, samples, new PersonalBaselines());

    public static RiskInput FromSamples(DateTimeOffset now, IEnumerable<VitalSample> samples, PersonalBaselines baselines)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var byType = samples.OrderBy(s => s.Time).ToLookup(s => s.Type.Id);
        ImmutableArray<VitalSample> Of(VitalDefinition vital) => [.. byType[vital.Type.Id]];
        return new RiskInput
        {
            Now = now,
            Baselines = baselines,
            HeartRate = Of(VitalCatalog.HeartRate),
            RrIntervals = Of(VitalCatalog.RrIntervals),
            OxygenSaturation = Of(VitalCatalog.OxygenSaturation),
            RespiratoryRate = Of(VitalCatalog.RespiratoryRate),
            BodyTemperature = Of(VitalCatalog.BodyTemperature),
            BloodPressure = Of(VitalCatalog.BloodPressure),
            Steps = Of(VitalCatalog.Steps),
            SleepStages = Of(VitalCatalog.SleepStage),
            RestingHeartRate = Of(VitalCatalog.RestingHeartRate),
        };
    }
}
