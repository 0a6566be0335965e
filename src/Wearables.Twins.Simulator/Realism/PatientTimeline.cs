namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Answers "what is the patient doing at time t": asleep (and in which stage), walking, where in the
/// circadian cycle. Nights and walks are planned per local date and cached. Not thread-safe: one timeline
/// belongs to one simulated device.
/// </summary>
public sealed class PatientTimeline
{
    private const int CacheLimit = 16;

    private readonly SleepPlanner _sleep;
    private readonly ActivityPlanner _activity;
    private readonly Dictionary<DateOnly, SleepNight> _nights = [];
    private readonly Dictionary<DateOnly, IReadOnlyList<ActivityBout>> _bouts = [];

    public PatientTimeline(PatientProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        _sleep = new SleepPlanner(profile);
        _activity = new ActivityPlanner(profile);
    }

    public PatientProfile Profile { get; }

    public DateOnly LocalDate(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Profile.UtcOffset).DateTime);

    public TimeOnly LocalTime(DateTimeOffset time) => TimeOnly.FromDateTime(time.ToOffset(Profile.UtcOffset).DateTime);

    /// <summary>The night that begins on the evening of <paramref name="localDate"/>.</summary>
    public SleepNight NightStarting(DateOnly localDate)
    {
        if (!_nights.TryGetValue(localDate, out var night))
        {
            Trim(_nights, localDate);
            night = _sleep.NightStarting(localDate);
            _nights[localDate] = night;
        }

        return night;
    }

    /// <summary>The walks of <paramref name="localDate"/>, between last night's end and tonight's start.</summary>
    public IReadOnlyList<ActivityBout> BoutsOn(DateOnly localDate)
    {
        if (!_bouts.TryGetValue(localDate, out var bouts))
        {
            Trim(_bouts, localDate);
            bouts = _activity.BoutsOn(localDate, NightStarting(localDate.AddDays(-1)).End, NightStarting(localDate).Start);
            _bouts[localDate] = bouts;
        }

        return bouts;
    }

    public SleepStage? SleepStageAt(DateTimeOffset time)
    {
        var date = LocalDate(time);
        return NightStarting(date.AddDays(-1)).StageAt(time) ?? NightStarting(date).StageAt(time);
    }

    /// <summary>Walking intensity at <paramref name="time"/>: the strongest bout under way, 0 when none.</summary>
    public double ActivityAt(DateTimeOffset time)
    {
        var date = LocalDate(time);
        return Math.Max(Strongest(BoutsOn(date.AddDays(-1)), time), Strongest(BoutsOn(date), time));
    }

    public PhysiologicalState StateAt(DateTimeOffset time)
    {
        var local = LocalTime(time);
        return new PhysiologicalState(time, local, CircadianRhythm.Factor(local), SleepStageAt(time), ActivityAt(time));
    }

    private static double Strongest(IReadOnlyList<ActivityBout> bouts, DateTimeOffset time)
    {
        var intensity = 0.0;
        foreach (var bout in bouts)
        {
            if (bout.Contains(time))
            {
                intensity = Math.Max(intensity, bout.Intensity);
            }
        }

        return intensity;
    }

    private static void Trim<T>(Dictionary<DateOnly, T> cache, DateOnly around)
    {
        if (cache.Count < CacheLimit)
        {
            return;
        }

        foreach (var date in cache.Keys.Where(d => Math.Abs(d.DayNumber - around.DayNumber) > 3).ToList())
        {
            cache.Remove(date);
        }
    }
}
