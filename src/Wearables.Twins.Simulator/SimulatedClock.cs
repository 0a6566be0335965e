namespace Wearables.Twins.Simulator;

/// <summary>
/// Simulated time running <see cref="Speed"/> times faster than the real clock from
/// <see cref="SimulatedStart"/>, but never ahead of the real clock: once it catches up it runs in real time.
/// </summary>
public sealed class SimulatedClock
{
    private readonly TimeProvider _real;
    private readonly long _startTimestamp;
    private readonly DateTimeOffset _realStart;

    public SimulatedClock(TimeProvider real, DateTimeOffset simulatedStart, double speed)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _real = real;
        _startTimestamp = real.GetTimestamp();
        _realStart = real.GetUtcNow();
        SimulatedStart = simulatedStart;
        Speed = speed;
    }

    public DateTimeOffset SimulatedStart { get; }

    public double Speed { get; }

    public TimeSpan RealElapsed => _real.GetElapsedTime(_startTimestamp);

    public DateTimeOffset Now
    {
        get
        {
            var elapsed = RealElapsed;
            var simulated = SimulatedStart + (elapsed * Speed);
            var real = _realStart + elapsed;
            return simulated < real ? simulated : real;
        }
    }

    /// <summary>Real time until <see cref="Now"/> reaches <paramref name="simulatedTime"/> (zero if it has).</summary>
    public TimeSpan DelayUntil(DateTimeOffset simulatedTime)
    {
        var onSchedule = (simulatedTime - SimulatedStart) / Speed;
        var notAhead = simulatedTime - _realStart;
        var due = onSchedule > notAhead ? onSchedule : notAhead;
        var delay = due - RealElapsed;
        return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
    }

    /// <summary>
    /// Where simulated time starts so that a run of <paramref name="duration"/> at <paramref name="speed"/>
    /// ends at <paramref name="realNow"/>: <c>now − duration × speed</c>, on a whole minute. An endless run
    /// (zero duration) starts a day back when accelerated (it catches up, then runs in real time), else now.
    /// </summary>
    public static DateTimeOffset StartFor(DateTimeOffset realNow, TimeSpan duration, double speed)
    {
        var start = duration > TimeSpan.Zero
            ? realNow - (duration * speed)
            : speed > 1 ? realNow - TimeSpan.FromDays(1) : realNow;
        start = start.ToUniversalTime();
        return start.AddTicks(-(start.UtcTicks % TimeSpan.TicksPerMinute));
    }
}
