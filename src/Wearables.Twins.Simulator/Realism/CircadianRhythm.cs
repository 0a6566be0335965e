namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// The body clock as one number in [-1, 1]: lowest in the early morning (≈04:00 local time), highest in the
/// afternoon (≈16:00). Heart rate, temperature, blood pressure and stress follow it.
/// </summary>
public static class CircadianRhythm
{
    /// <summary>Local hour of the daily peak.</summary>
    public const double PeakHour = 16.0;

    public static double Factor(TimeOnly localTime)
    {
        var hours = localTime.ToTimeSpan().TotalHours;
        return Math.Cos(2.0 * Math.PI * (hours - PeakHour) / 24.0);
    }
}
