using Microsoft.Extensions.Time.Testing;

namespace Wearables.Twins.Simulator.Tests;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 5, 10, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void A_finite_run_starts_duration_times_speed_in_the_past_on_a_whole_minute()
    {
        var start = SimulatedClock.StartFor(RealNow, TimeSpan.FromMinutes(24), 60);

        Assert.Equal(new DateTimeOffset(2026, 5, 9, 12, 34, 0, TimeSpan.Zero), start);
        Assert.Equal(RealNow, SimulatedClock.StartFor(RealNow.AddSeconds(-56), TimeSpan.Zero, 1).AddSeconds(56));
        Assert.Equal(RealNow.AddDays(-1).AddSeconds(-56), SimulatedClock.StartFor(RealNow, TimeSpan.Zero, 10));
    }

    [Fact]
    public void Simulated_time_runs_faster_but_never_ahead_of_the_real_clock()
    {
        var real = new FakeTimeProvider(RealNow);
        var clock = new SimulatedClock(real, RealNow.AddMinutes(-10), 60);

        Assert.Equal(RealNow.AddMinutes(-10), clock.Now);
        real.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(RealNow.AddMinutes(-5), clock.Now);
        Assert.Equal(TimeSpan.FromSeconds(1), clock.DelayUntil(RealNow.AddMinutes(-4)));

        real.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(RealNow.AddSeconds(25), clock.Now); // Caught up: real time from here on.
        Assert.Equal(TimeSpan.FromSeconds(10), clock.DelayUntil(RealNow.AddSeconds(35)));
        Assert.Equal(TimeSpan.Zero, clock.DelayUntil(RealNow));
    }
}
