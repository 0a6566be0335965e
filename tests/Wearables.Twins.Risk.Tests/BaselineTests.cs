using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Tests;

public class BaselineTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Heart_rate_baselines_are_kept_per_hour_of_the_local_day()
    {
        var baselines = new PersonalBaselines();
        for (var day = 0; day < 15; day++)
        {
            baselines.Observe(
            [
                VitalSample.Scalar(VitalCatalog.HeartRate.Type, Monday.AddDays(day).AddHours(3), 52 + (day % 3)),
                VitalSample.Scalar(VitalCatalog.HeartRate.Type, Monday.AddDays(day).AddHours(15), 80 + (day % 3)),
            ], []);
        }

        var today = PersonalBaselines.DayOf(Monday.AddDays(14));
        var night = baselines[BaselineMetric.HeartRate].Estimate(today - 14, today, 3, 1);
        var afternoon = baselines[BaselineMetric.HeartRate].Estimate(today - 14, today, 15, 1);
        Assert.Equal((53, 14), (night.Median, night.Days));
        Assert.Equal(81, afternoon.Median);
        Assert.Equal(3, afternoon.Deviation(81 + (3 * afternoon.Scale)), 6);
    }

    [Fact]
    public void An_outlying_day_barely_moves_the_robust_baseline()
    {
        var metric = new MetricBaseline(BaselineMetric.RestingHeartRate, 1, 42, sumPerDay: false);
        for (var day = 0; day < 20; day++)
        {
            metric.Add(1000 + day, 0, day == 7 ? 120 : 60 + (day % 2));
        }

        var estimate = metric.Estimate(1000, 1019, -1, 1);
        Assert.InRange(estimate.Median, 60, 61);
        Assert.InRange(estimate.Scale, 1, 1.5);
    }

    [Fact]
    public void State_stays_bounded_however_long_it_runs()
    {
        var metric = new MetricBaseline(BaselineMetric.StressScore, 1, 42, sumPerDay: false);
        for (var day = 0; day < 1000; day++)
        {
            metric.Add(day, 0, day);
        }

        Assert.Equal(42, metric.Values.Length);
        Assert.True(metric.TryGetDay(990, -1, out var value));
        Assert.Equal(990, value);
        Assert.False(metric.TryGetDay(900, -1, out _));
    }

    [Fact]
    public void Sleep_minutes_belong_to_the_day_the_night_ends()
    {
        var baselines = new PersonalBaselines();
        var start = Monday.AddHours(-1.5);
        baselines.Observe([new VitalSample(VitalCatalog.SleepStage.Type, start, start.AddHours(8), 5, double.NaN, [])], []);
        Assert.True(baselines[BaselineMetric.SleepMinutes].TryGetDay(PersonalBaselines.DayOf(Monday), -1, out var minutes));
        Assert.Equal(480, minutes);
    }

    [Fact]
    public void Risk_state_round_trips_through_the_Orleans_serializer()
    {
        var state = new RiskState();
        state.Baselines.Observe([VitalSample.Scalar(VitalCatalog.HeartRate.Type, Monday, 61)], []);
        new FindingTracker().Apply(state.Findings, "p1", [new RiskSignal(FindingKind.Fever, RiskLevel.Low, true, 38.2, "s", "r", [new EvidenceSample("body_temperature", Monday, 38.2)])], Monday);

        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var copy = serializer.Deserialize<RiskState>(serializer.SerializeToArray(state))!;

        Assert.Equal(61, copy.Baselines[BaselineMetric.HeartRate].CurrentSums[0]);
        Assert.Equal(state.Findings.Get(FindingKind.Fever).Open, copy.Findings.Get(FindingKind.Fever).Open!, new FindingComparer());
        Assert.Equal(RiskLevel.Low, copy.ToStatus().OverallLevel);
    }

    private sealed class FindingComparer : IEqualityComparer<Finding?>
    {
        public bool Equals(Finding? x, Finding? y) => x is not null && y is not null && x.Id == y.Id && x.Level == y.Level && x.Evidence.SequenceEqual(y.Evidence);

        public int GetHashCode(Finding? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
