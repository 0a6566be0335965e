using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Rhythm;

/// <summary>
/// Which heart-rate samples count as resting: the device said so (context "resting"), or no steps were recorded in
/// the 10 minutes before the sample while step data covers that span (Mishra et al. 2020, Nat Biomed Eng 4:1208–1220,
/// define resting heart rate from minutes with zero steps in a preceding window). "Active" samples never count.
/// </summary>
public static class RestingHeartRate
{
    public static readonly TimeSpan StillFor = TimeSpan.FromMinutes(10);

    private const byte Resting = 1;
    private const byte Active = 2;

    public static bool IsAtRest(in VitalSample heartRate, ReadOnlySpan<VitalSample> steps)
    {
        if (heartRate.Qualifier == Active)
        {
            return false;
        }

        if (heartRate.Qualifier == Resting)
        {
            return true;
        }

        var from = heartRate.Time - StillFor;
        var covered = false;
        foreach (ref readonly var step in steps)
        {
            var end = step.End ?? step.Time;
            if (end <= from || step.Time > heartRate.Time)
            {
                continue;
            }

            if (step.Value > 0)
            {
                return false;
            }

            // A zero-step interval reaching back to the start of the 10 minutes shows the wearer was tracked and still.
            covered |= step.Time <= from;
        }

        return covered || HasStepsAround(steps, from, heartRate.Time);
    }

    // Per-minute step counters often omit zero minutes: step data before and after the span with nothing in between
    // also means no steps were taken.
    private static bool HasStepsAround(ReadOnlySpan<VitalSample> steps, DateTimeOffset from, DateTimeOffset to)
    {
        bool before = false, after = false;
        foreach (ref readonly var step in steps)
        {
            var end = step.End ?? step.Time;
            before |= end <= from && end > from - TimeSpan.FromHours(2);
            after |= step.Time >= to;
        }

        return before && after;
    }
}
