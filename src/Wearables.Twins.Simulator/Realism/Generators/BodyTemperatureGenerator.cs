using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Body temperature every 5 minutes in °C: about ±0.3 °C over the day (lowest before dawn), a little lower
/// asleep, warmer after walking, changing slowly.
/// </summary>
public sealed class BodyTemperatureGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.BodyTemperature, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan TimeConstant = TimeSpan.FromMinutes(20);

    private double _celsius = double.NaN;

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        var target = Profile.BodyTemperature + (0.3 * state.Circadian) - (state.Asleep ? 0.2 : 0) + (0.35 * state.Activity);
        _celsius = Relax(_celsius, target, TimeConstant);
        var value = Math.Round(Math.Clamp(_celsius + Random.NextGaussian(0, 0.05), 35.5, 38.3), 2);
        return new GeneratedSample(Vital, state.Time) { Value = value };
    }
}
