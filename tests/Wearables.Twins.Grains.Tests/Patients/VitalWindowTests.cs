using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Wearables.Twins.Grains.Patients;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.Patients;

public sealed class VitalWindowTests
{
    [Fact]
    public void SamplesAppendedInOrderAreHeldInOrder()
    {
        var window = new VitalWindow(8);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(InsertResult.Added, window.Insert(HeartRate(i, 60 + i)));
        }

        Assert.Equal(5, window.Count);
        Assert.Equal(5, window.Total);
        Assert.Equal(T0.AddMinutes(4), window.Newest.Time);
        Assert.Equal(64, window.Newest.Value);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => T0.AddMinutes(i)), All(window).Times());
    }

    [Fact]
    public void LateSampleIsInsertedInPlace()
    {
        var window = new VitalWindow(8);
        window.Insert(HeartRate(0));
        window.Insert(HeartRate(10));
        window.Insert(HeartRate(20));

        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(5)));
        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(-5)));
        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(15)));

        Assert.Equal([-5, 0, 5, 10, 15, 20], All(window).Select(s => (int)(s.Time - T0).TotalMinutes));
        Assert.Equal(T0.AddMinutes(20), window.Newest.Time);
    }

    [Fact]
    public void SameInstantIsADuplicateAndChangesNothing()
    {
        var window = new VitalWindow(8);
        window.Insert(HeartRate(0, 60));
        window.Insert(HeartRate(1, 61));

        Assert.Equal(InsertResult.Duplicate, window.Insert(HeartRate(0, 99)));
        Assert.Equal(InsertResult.Duplicate, window.Insert(HeartRate(1, 61)));

        Assert.Equal(2, window.Count);
        Assert.Equal(2, window.Total);
        Assert.Equal([60.0, 61.0], All(window).Select(s => s.Value));
    }

    [Fact]
    public void SameInstantWrittenWithAnotherOffsetIsADuplicate()
    {
        var window = new VitalWindow(8);
        window.Insert(HeartRate(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero)));

        var sameInstant = HeartRate(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.FromHours(5.5)));

        Assert.Equal(InsertResult.Duplicate, window.Insert(sameInstant));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void SameStartWithAnotherIntervalEndIsNotADuplicate()
    {
        var window = new VitalWindow(8);
        var start = T0;

        Assert.Equal(InsertResult.Added, window.Insert(new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(15), 100, double.NaN, [])));
        Assert.Equal(InsertResult.Added, window.Insert(new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(30), 250, double.NaN, [])));
        Assert.Equal(InsertResult.Duplicate, window.Insert(new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(15), 100, double.NaN, [])));

        Assert.Equal(2, window.Count);
    }

    [Fact]
    public void DuplicateIsFoundAmongSeveralSamplesAtTheSameInstant()
    {
        var window = new VitalWindow(8);
        var a = new VitalSample(VitalCatalog.Steps.Type, T0, T0.AddMinutes(5), 1, double.NaN, []);
        var b = new VitalSample(VitalCatalog.Steps.Type, T0, T0.AddMinutes(10), 2, double.NaN, []);
        var c = new VitalSample(VitalCatalog.Steps.Type, T0, T0.AddMinutes(15), 3, double.NaN, []);
        window.Insert(a);
        window.Insert(b);
        window.Insert(c);

        Assert.Equal(InsertResult.Duplicate, window.Insert(a));
        Assert.Equal(InsertResult.Duplicate, window.Insert(b));
        Assert.Equal(InsertResult.Duplicate, window.Insert(c));
        Assert.Equal(3, window.Count);
    }

    [Fact]
    public void FullWindowDropsTheOldest()
    {
        var window = new VitalWindow(3);
        for (var i = 0; i < 4; i++)
        {
            window.Insert(HeartRate(i));
        }

        Assert.Equal(3, window.Count);
        Assert.Equal(4, window.Total);
        Assert.Equal([1, 2, 3], Minutes(window));
    }

    [Fact]
    public void SampleOlderThanEverythingInAFullWindowIsRefused()
    {
        var window = new VitalWindow(3);
        for (var i = 1; i <= 3; i++)
        {
            window.Insert(HeartRate(i));
        }

        Assert.Equal(InsertResult.OlderThanWindow, window.Insert(HeartRate(0)));

        Assert.Equal(3, window.Count);
        Assert.Equal(3, window.Total);
        Assert.Equal([1, 2, 3], Minutes(window));
    }

    [Fact]
    public void OlderSampleIsInsertedWhileTheWindowHasRoom()
    {
        var window = new VitalWindow(3);
        window.Insert(HeartRate(5));

        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(0)));
        Assert.Equal([0, 5], Minutes(window));
    }

    [Fact]
    public void LateSampleInAFullWindowReplacesTheOldest()
    {
        var window = new VitalWindow(3);
        window.Insert(HeartRate(0));
        window.Insert(HeartRate(10));
        window.Insert(HeartRate(20));

        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(5)));

        Assert.Equal([5, 10, 20], Minutes(window));
        Assert.Equal(T0.AddMinutes(20), window.Newest.Time);
    }

    [Fact]
    public void DuplicateOfTheOldestInAFullWindowIsADuplicateNotAnEviction()
    {
        var window = new VitalWindow(3);
        window.Insert(HeartRate(0));
        window.Insert(HeartRate(10));
        window.Insert(HeartRate(20));

        Assert.Equal(InsertResult.Duplicate, window.Insert(HeartRate(0)));
        Assert.Equal([0, 10, 20], Minutes(window));
    }

    [Fact]
    public void WindowOfOneKeepsTheNewest()
    {
        var window = new VitalWindow(1);

        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(5)));
        Assert.Equal(InsertResult.OlderThanWindow, window.Insert(HeartRate(4)));
        Assert.Equal(InsertResult.Duplicate, window.Insert(HeartRate(5)));
        Assert.Equal(InsertResult.Added, window.Insert(HeartRate(6)));

        Assert.Equal([6], Minutes(window));
    }

    [Fact]
    public void RangeIsFromInclusiveToExclusive()
    {
        var window = new VitalWindow(16);
        for (var i = 0; i < 10; i++)
        {
            window.Insert(HeartRate(i));
        }

        Assert.Equal([2, 3, 4], Minutes(window.Range(T0.AddMinutes(2), T0.AddMinutes(5))));
        Assert.Equal([2, 3, 4], Minutes(window.Range(T0.AddMinutes(1.5), T0.AddMinutes(4.5))));
        Assert.Equal([9], Minutes(window.Range(T0.AddMinutes(9), T0.AddMinutes(100))));
        Assert.Equal([0], Minutes(window.Range(T0.AddMinutes(-100), T0.AddMinutes(1))));
        Assert.Empty(window.Range(T0.AddMinutes(5), T0.AddMinutes(5)));
        Assert.Empty(window.Range(T0.AddMinutes(6), T0.AddMinutes(3)));
        Assert.Empty(window.Range(T0.AddMinutes(10), T0.AddMinutes(20)));
    }

    [Fact]
    public void RangeComparesInstantsWhateverTheOffset()
    {
        var window = new VitalWindow(16);
        for (var i = 0; i < 4; i++)
        {
            window.Insert(HeartRate(i * 60)); // 10:00Z, 11:00Z, 12:00Z, 13:00Z
        }

        var from = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(1)); // 11:00Z
        var to = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(-5)); // 13:00Z

        Assert.Equal([60, 120], Minutes(window.Range(from, to)));
    }

    [Fact]
    public void RangeOfAnEmptyWindowIsEmpty()
    {
        Assert.Empty(new VitalWindow(4).Range(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public void StepsAddUpPerDayAndStartAgainOnANewDay()
    {
        var window = new VitalWindow(96);
        var day1 = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

        window.Insert(Steps(day1, 100));
        window.Insert(Steps(day1.AddHours(1), 250));
        Assert.Equal(new DateOnly(2026, 11, 27), window.Day);
        Assert.Equal(350, window.DayTotal(VitalCatalog.Steps));

        window.Insert(Steps(day1.AddDays(1), 40));
        Assert.Equal(new DateOnly(2026, 11, 28), window.Day);
        Assert.Equal(40, window.DayTotal(VitalCatalog.Steps));

        window.Insert(Steps(day1.AddDays(1).AddHours(2), 60));
        Assert.Equal(100, window.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void LateStepsOfAnEarlierDayDoNotCountToday()
    {
        var window = new VitalWindow(96);
        var day2 = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        window.Insert(Steps(day2, 40));

        Assert.Equal(InsertResult.Added, window.Insert(Steps(day2.AddDays(-1), 1000)));

        Assert.Equal(new DateOnly(2026, 11, 28), window.Day);
        Assert.Equal(40, window.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void LateStepsOfTodayCountToday()
    {
        var window = new VitalWindow(96);
        var day = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        window.Insert(Steps(day, 40));

        window.Insert(Steps(day.AddHours(-3), 10));

        Assert.Equal(50, window.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void DuplicateStepsAreNotCountedTwice()
    {
        var window = new VitalWindow(96);
        var day = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        window.Insert(Steps(day, 40));
        window.Insert(Steps(day, 40));

        Assert.Equal(40, window.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void StepsDayIsTheCalendarDayOfTheSamplesOwnOffset()
    {
        var window = new VitalWindow(96);

        // 23:30 in New York on the 27th is already the 28th in UTC: it counts for the 27th.
        window.Insert(Steps(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.FromHours(-5)), 75));

        Assert.Equal(new DateOnly(2026, 11, 27), window.Day);
        Assert.Equal(75, window.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void VitalsNotSummedPerDayKeepNoDayTotal()
    {
        var window = new VitalWindow(8);
        window.Insert(HeartRate(0, 80));

        Assert.Equal(0, window.DayTotal(VitalCatalog.Steps));
        Assert.Equal(default, window.Day);
    }

    [Theory]
    [InlineData(1, 11)]
    [InlineData(16, 42)]
    [InlineData(64, 7)]
    [InlineData(256, 2026)]
    public void CapacityIsNeverExceededAndTheNewestAreKeptWhateverTheArrivalOrder(int capacity, int seed)
    {
        var random = new Random(seed);
        var window = new VitalWindow(capacity);
        var minutes = Enumerable.Range(0, capacity * 10).ToArray();
        random.Shuffle(minutes);
        // Every tenth arrival is a redelivery of something already sent.
        var arrivals = minutes.SelectMany((m, i) => i % 10 == 9 ? [m, minutes[random.Next(i + 1)]] : new[] { m }).ToList();

        var added = 0;
        foreach (var minute in arrivals)
        {
            if (window.Insert(HeartRate(minute)) == InsertResult.Added)
            {
                added++;
            }

            Assert.True(window.Count <= capacity, $"count {window.Count} exceeds capacity {capacity}");
            var held = Minutes(window);
            Assert.Equal(held.Order(), held);
            Assert.Equal(held.Length, held.Distinct().Count());
        }

        Assert.Equal(capacity, window.Count);
        Assert.Equal(added, window.Total);
        Assert.Equal(Enumerable.Range(capacity * 9, capacity), Minutes(window));
        Assert.Equal(T0.AddMinutes((capacity * 10) - 1), window.Newest.Time);
    }

    [Fact]
    public void WrappedRingSurvivesSerializationAndCopy()
    {
        var window = new VitalWindow(5);
        for (var i = 0; i < 13; i++)
        {
            window.Insert(HeartRate(i, 60 + i));
        }

        Assert.Equal(InsertResult.Duplicate, window.Insert(HeartRate(10)));

        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var copier = services.GetRequiredService<DeepCopier>();

        foreach (var restored in new[] { serializer.Deserialize<VitalWindow>(serializer.SerializeToArray(window)), copier.Copy(window) })
        {
            Assert.NotNull(restored);
            Assert.NotSame(window, restored);
            Assert.Equal(window.Capacity, restored.Capacity);
            Assert.Equal(window.Total, restored.Total);
            Assert.Equal([8, 9, 10, 11, 12], Minutes(restored));
            Assert.Equal(72, restored.Newest.Value);

            // The restored ring keeps working: append, late insert, eviction.
            Assert.Equal(InsertResult.Added, restored.Insert(HeartRate(13)));
            Assert.Equal(InsertResult.OlderThanWindow, restored.Insert(HeartRate(8)));
            Assert.Equal(InsertResult.Duplicate, restored.Insert(HeartRate(11)));
            Assert.Equal([9, 10, 11, 12, 13], Minutes(restored));
        }
    }

    [Fact]
    public void StepsDayTotalSurvivesSerialization()
    {
        var window = new VitalWindow(4);
        var day = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        window.Insert(Steps(day, 40));
        window.Insert(Steps(day.AddHours(1), 2));

        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var restored = serializer.Deserialize<VitalWindow>(serializer.SerializeToArray(window));

        Assert.NotNull(restored);
        Assert.Equal(new DateOnly(2026, 11, 28), restored.Day);
        Assert.Equal(42, restored.DayTotal(VitalCatalog.Steps));
    }

    [Fact]
    public void CapacityMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VitalWindow(0));
    }

    [Fact]
    public void EmptyWindowHasNoNewest()
    {
        Assert.Throws<InvalidOperationException>(() => new VitalWindow(4).Newest);
    }

    private static ImmutableArray<VitalSample> All(VitalWindow window) => window.Range(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    private static int[] Minutes(VitalWindow window) => Minutes(All(window));

    private static int[] Minutes(IEnumerable<VitalSample> samples) => [.. samples.Select(s => (int)(s.Time - T0).TotalMinutes)];
}
