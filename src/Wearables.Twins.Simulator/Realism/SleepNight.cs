namespace Wearables.Twins.Simulator.Realism;

/// <summary>A night in bed: contiguous stage intervals from going to bed to getting up.</summary>
public sealed class SleepNight
{
    public SleepNight(IReadOnlyList<SleepInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        if (intervals.Count == 0)
        {
            throw new ArgumentException("A night needs at least one interval.", nameof(intervals));
        }

        Intervals = intervals;
    }

    /// <summary>When the patient went to bed.</summary>
    public DateTimeOffset Start => Intervals[0].Start;

    /// <summary>When the patient got up.</summary>
    public DateTimeOffset End => Intervals[^1].End;

    public IReadOnlyList<SleepInterval> Intervals { get; }

    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    /// <summary>The stage at <paramref name="time"/>, or null outside the night.</summary>
    public SleepStage? StageAt(DateTimeOffset time)
    {
        if (!Contains(time))
        {
            return null;
        }

        foreach (var interval in Intervals)
        {
            if (interval.Contains(time))
            {
                return interval.Stage;
            }
        }

        return null;
    }
}
