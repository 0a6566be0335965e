namespace Wearables.Twins.Risk.Rhythm;

/// <summary>Reads <see cref="Vitals.VitalCatalog.SleepStage"/> categories: awake, light, deep, rem, in_bed, asleep.</summary>
internal static class SleepStages
{
    /// <summary>Light, deep, REM or unspecified "asleep" (not awake, not merely in bed).</summary>
    public static bool IsAsleep(double category) => (int)category is 1 or 2 or 3 or 5;

    /// <summary>Whether <paramref name="time"/> falls inside an asleep interval of <paramref name="sleep"/>.</summary>
    public static bool Covers(ReadOnlySpan<Vitals.VitalSample> sleep, DateTimeOffset time)
    {
        foreach (ref readonly var stage in sleep)
        {
            if (stage.End is { } end && IsAsleep(stage.Value) && stage.Time <= time && time < end)
            {
                return true;
            }
        }

        return false;
    }
}
