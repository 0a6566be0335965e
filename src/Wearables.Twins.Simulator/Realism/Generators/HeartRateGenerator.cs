using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Heart rate every 5 seconds: the resting rate shaped by the body clock, sleep stage and walking, followed
/// with a lag (the heart does not jump), plus sensor noise. Keeps a short history of the underlying rate
/// for <see cref="RrIntervalGenerator"/>.
/// </summary>
public sealed class HeartRateGenerator(PatientTimeline timeline, DateTimeOffset start)
    : PeriodicVitalGenerator(VitalCatalog.HeartRate, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(5);

    public const double Lowest = 38;
    public const double Highest = 185;

    private static readonly TimeSpan HistoryLength = TimeSpan.FromMinutes(3);

    private readonly Queue<(DateTimeOffset Time, double Bpm)> _history = new();
    private double _bpm = double.NaN;

    /// <summary>Where the heart rate is heading in <paramref name="state"/>.</summary>
    public static double Target(PatientProfile profile, in PhysiologicalState state)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var posture = state.Stage switch
        {
            SleepStage.Deep => -5,
            SleepStage.Light => -2,
            SleepStage.Rem => 1,
            SleepStage.Awake => 3,
            _ => 10, // Up and about.
        };
        return profile.RestingHeartRate + (4 * state.Circadian) + posture + (55 * state.Activity);
    }

    /// <summary>The underlying (noise-free) rate at <paramref name="time"/>, from the recent history.</summary>
    public double RateAt(DateTimeOffset time)
    {
        var rate = double.NaN;
        foreach (var (at, bpm) in _history)
        {
            if (at > time && !double.IsNaN(rate))
            {
                break;
            }

            rate = bpm;
        }

        return rate;
    }

    protected override GeneratedSample Create(in PhysiologicalState state)
    {
        var target = Target(Profile, state);
        var timeConstant = TimeSpan.FromSeconds(target > _bpm ? 30 : 60);
        _bpm = Math.Clamp(Relax(_bpm, target, timeConstant) + Random.NextGaussian(0, 0.6), Lowest, Highest);

        _history.Enqueue((state.Time, _bpm));
        while (_history.Count > 1 && _history.Peek().Time < state.Time - HistoryLength)
        {
            _history.Dequeue();
        }

        var measured = Math.Round(Math.Clamp(_bpm + Random.NextGaussian(0, 1.2), Lowest, Highest));
        return new GeneratedSample(Vital, state.Time) { Value = measured };
    }
}
