using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>SpO2 every minute, in whole percent: the patient's baseline, dipping slightly in sleep.</summary>
public sealed class OxygenSaturationGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.OxygenSaturation, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        var dip = state.Asleep ? 0.8 : 0;
        if (state.Stage == SleepStage.Deep)
        {
            dip += 0.3;
        }

        var value = Math.Round(Math.Clamp(Profile.OxygenSaturation - dip + Random.NextGaussian(0, 0.7), 90, 100));
        return new GeneratedSample(Vital, state.Time) { Value = value };
    }
}
