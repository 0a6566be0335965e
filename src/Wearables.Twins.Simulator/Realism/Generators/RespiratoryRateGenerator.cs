using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>Breaths per minute every minute: slower in (deep) sleep, faster while walking.</summary>
public sealed class RespiratoryRateGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.RespiratoryRate, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        var sleep = state.Stage switch
        {
            SleepStage.Deep => -2.5,
            SleepStage.Light or SleepStage.Rem => -1.2,
            _ => 0,
        };
        var target = Profile.RespiratoryRate + (0.4 * state.Circadian) + sleep + (9 * state.Activity);
        var value = Math.Round(Math.Clamp(target + Random.NextGaussian(0, 0.7), 8, 30), 1);
        return new GeneratedSample(Vital, state.Time) { Value = value };
    }
}
