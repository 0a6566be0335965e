namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Builds the stages of one night from 90-minute-ish cycles: awake (falling asleep) → light → deep → light →
/// REM, with deep sleep front-loaded, REM growing towards the morning and brief awakenings between cycles.
/// Every boundary falls on a whole minute when the bed and get-up times do.
/// </summary>
public static class SleepArchitecture
{
    public static SleepNight Build(Random random, DateTimeOffset bedtime, DateTimeOffset getUp)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (getUp <= bedtime)
        {
            throw new ArgumentException("Getting up must come after going to bed.", nameof(getUp));
        }

        var intervals = new List<SleepInterval>();
        var cursor = bedtime;
        var night = getUp - bedtime;

        void Add(SleepStage stage, double minutes)
        {
            if (cursor >= getUp)
            {
                return;
            }

            var end = cursor + TimeSpan.FromMinutes(Math.Max(1, Math.Round(minutes)));
            if (end > getUp)
            {
                end = getUp;
            }

            if (intervals.Count > 0 && intervals[^1].Stage == stage)
            {
                intervals[^1] = intervals[^1] with { End = end };
            }
            else
            {
                intervals.Add(new SleepInterval(cursor, end, stage));
            }

            cursor = end;
        }

        // Falling asleep.
        Add(SleepStage.Awake, random.NextDouble(5, 20));
        while (cursor < getUp)
        {
            var progress = (cursor - bedtime) / night;
            Add(SleepStage.Light, random.NextDouble(10, 25));

            // Deep sleep dominates the first cycles and fades out in the second half of the night.
            var deep = (40 * (1 - (1.6 * progress))) + random.NextGaussian(0, 5);
            if (deep >= 5)
            {
                Add(SleepStage.Deep, deep);
                Add(SleepStage.Light, random.NextDouble(5, 15));
            }

            // REM episodes lengthen towards the morning.
            Add(SleepStage.Rem, Math.Max(3, 8 + (30 * progress) + random.NextGaussian(0, 4)));
            if (random.NextDouble() < 0.3)
            {
                Add(SleepStage.Awake, random.NextDouble(1, 5));
            }
        }

        return new SleepNight(intervals);
    }
}
