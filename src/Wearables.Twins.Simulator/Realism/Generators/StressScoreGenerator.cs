using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>A 0–100 stress score every 5 minutes: higher in the afternoon and while active, low asleep.</summary>
public sealed class StressScoreGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.StressScore, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan TimeConstant = TimeSpan.FromMinutes(15);

    private double _score = double.NaN;

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        var target = Profile.StressBaseline + (12 * state.Circadian) - (state.Asleep ? 18 : 0) + (15 * state.Activity);
        _score = Math.Clamp(Relax(_score, target, TimeConstant), 1, 99);
        var value = Math.Round(Math.Clamp(_score + Random.NextGaussian(0, 4), 1, 99));
        return new GeneratedSample(Vital, state.Time) { Value = value };
    }
}
