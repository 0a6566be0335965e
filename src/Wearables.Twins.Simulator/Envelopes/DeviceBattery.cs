namespace Wearables.Twins.Simulator.Envelopes;

/// <summary>
/// A battery that drains with simulated time and is put back on the charger (100 %) when it runs low.
/// Readings must be asked for in increasing time order.
/// </summary>
public sealed class DeviceBattery
{
    public const double RechargeBelow = 8;

    private double _level;
    private DateTimeOffset _last;

    public DeviceBattery(double initialPercent, double drainPerHour, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialPercent, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialPercent, RechargeBelow);
        ArgumentOutOfRangeException.ThrowIfNegative(drainPerHour);
        _level = initialPercent;
        DrainPerHour = drainPerHour;
        _last = start;
    }

    public double DrainPerHour { get; }

    /// <summary>Charge in whole percent at <paramref name="time"/>.</summary>
    public double LevelAt(DateTimeOffset time)
    {
        if (time > _last)
        {
            _level -= (time - _last).TotalHours * DrainPerHour;
            _last = time;
            if (_level < RechargeBelow)
            {
                _level = 100;
            }
        }

        return Math.Round(_level);
    }
}
