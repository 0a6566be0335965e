using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Steps per minute as a quantity over [minute, minute + 1): a walking cadence during activity bouts, a few
/// steps now and then otherwise, none in bed. Minutes start on whole minutes (the first one at or after the
/// start), so they line up with sleep and activity boundaries.
/// </summary>
public sealed class StepsGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.Steps, timeline, CeilingToMinute(start), DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(1);

    protected override bool CoversPeriod => true;

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        double steps;
        if (state.InBed)
        {
            steps = 0;
        }
        else if (state.Activity > 0)
        {
            steps = Math.Max(0, 70 + (50 * state.Activity) + Random.NextGaussian(0, 5));
        }
        else
        {
            steps = Random.NextDouble() < 0.3 ? Math.Clamp(Random.NextGaussian(12, 10), 0, 60) : 0;
        }

        return new GeneratedSample(Vital, state.Time) { End = state.Time + Period, Value = Math.Round(steps) };
    }

    private static DateTimeOffset CeilingToMinute(DateTimeOffset time)
    {
        var remainder = time.UtcTicks % TimeSpan.TicksPerMinute;
        return remainder == 0 ? time : time.AddTicks(TimeSpan.TicksPerMinute - remainder);
    }
}
