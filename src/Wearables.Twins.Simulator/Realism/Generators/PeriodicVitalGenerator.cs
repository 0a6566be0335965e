using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// A vital measured on a fixed period. Each generator has its own random stream (derived from the patient
/// and the vital), so adding or removing one vital never changes the values of another.
/// </summary>
public abstract class PeriodicVitalGenerator : IVitalGenerator
{
    private DateTimeOffset _next;

    protected PeriodicVitalGenerator(VitalDefinition vital, PatientTimeline timeline, DateTimeOffset start, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(vital);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        Vital = vital;
        Timeline = timeline;
        Period = period;
        _next = start;
        Random = new Random(SeedMixer.Mix(timeline.Profile.Seed, vital.Type.Id, 0x7E57));
    }

    public VitalDefinition Vital { get; }

    public TimeSpan Period { get; }

    protected PatientTimeline Timeline { get; }

    protected PatientProfile Profile => Timeline.Profile;

    protected Random Random { get; }

    /// <summary>True when a sample covers [t, t + period) and can only be emitted once that period is over.</summary>
    protected virtual bool CoversPeriod => false;

    public void GenerateUntil(DateTimeOffset until, ICollection<GeneratedSample> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        while (CoversPeriod ? _next + Period <= until : _next < until)
        {
            if (Create(Timeline.StateAt(_next)) is { } sample)
            {
                output.Add(sample);
            }

            _next += Period;
        }
    }

    /// <summary>The sample for the period starting at <paramref name="state"/>'s time, or null to skip it.</summary>
    protected abstract GeneratedSample? Create(in PhysiologicalState state);

    /// <summary>Moves <paramref name="current"/> towards <paramref name="target"/> like a first-order lag.</summary>
    protected double Relax(double current, double target, TimeSpan timeConstant)
        => double.IsNaN(current) ? target : current + ((target - current) * (1 - Math.Exp(-Period / timeConstant)));
}
