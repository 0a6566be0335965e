using Wearables.Twins.Grains.Patients;
using Wearables.Twins.Vitals;
using static Wearables.Twins.Grains.Tests.Samples;

namespace Wearables.Twins.Grains.Tests.Patients;

/// <summary>The source-priority merge policy of docs/telemetry.md, "Several sources, one patient".</summary>
public sealed class SourceMergeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(-3));

    private static VitalSample StepsFrom(SourceKind source, DateTimeOffset start, int minutes, double value)
        => new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(minutes), value, double.NaN, []) with { Source = source };

    private static VitalSample Sleep(SourceKind source, DateTimeOffset start, int minutes, string stage)
    {
        VitalCatalog.SleepStage.TryGetCategory(stage, out var category);
        return new VitalSample(VitalCatalog.SleepStage.Type, start, start.AddMinutes(minutes), category, double.NaN, []) with { Source = source };
    }

    [Fact]
    public void WatchAndPhoneCountingTheSameWalkAddUpOnce()
    {
        var window = new VitalWindow(96);

        // Both report the walk 12:00–12:30; the phone slices it differently and counts a few more.
        window.Insert(StepsFrom(SourceKind.Watch, Noon, 30, 3000));
        window.Insert(StepsFrom(SourceKind.Phone, Noon, 10, 1100));
        window.Insert(StepsFrom(SourceKind.Phone, Noon.AddMinutes(10), 20, 2100));

        Assert.Equal(3000, window.DayTotal(VitalCatalog.Steps), 6);
    }

    [Fact]
    public void WhereOnlyThePhoneWasCarriedItsStepsCount()
    {
        var window = new VitalWindow(96);

        // The watch was charging in the afternoon: the phone's 15:00 walk is the only report of it.
        window.Insert(StepsFrom(SourceKind.Watch, Noon, 15, 1500));
        window.Insert(StepsFrom(SourceKind.Phone, Noon, 15, 1600));
        window.Insert(StepsFrom(SourceKind.Phone, Noon.AddHours(3), 15, 800));

        Assert.Equal(1500 + 800, window.DayTotal(VitalCatalog.Steps), 6);
    }

    [Fact]
    public void ThePhoneArrivingFirstIsOutrankedWhenTheWatchSyncsLater()
    {
        var window = new VitalWindow(96);
        window.Insert(StepsFrom(SourceKind.Phone, Noon, 15, 1600));
        Assert.Equal(1600, window.DayTotal(VitalCatalog.Steps), 6);

        window.Insert(StepsFrom(SourceKind.Watch, Noon, 15, 1500));

        Assert.Equal(1500, window.DayTotal(VitalCatalog.Steps), 6);
    }

    [Fact]
    public void AnIntervalSpreadsProRataOverTheSlotsItCovers()
    {
        var window = new VitalWindow(96);

        // Watch 12:00–12:30 (two slots of 15 min, 600 each); phone only reported 12:15–12:30.
        window.Insert(StepsFrom(SourceKind.Phone, Noon.AddMinutes(15), 15, 900));
        window.Insert(StepsFrom(SourceKind.Watch, Noon, 30, 1200));

        Assert.Equal(1200, window.DayTotal(VitalCatalog.Steps), 6);
    }

    [Fact]
    public void TwoReportsOfOneInstantKeepTheBetterRankedSource()
    {
        var window = new VitalWindow(8);
        var fromPhone = VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, Noon, 95) with { Source = SourceKind.Phone };
        var fromOximeter = VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, Noon, 93) with { Source = SourceKind.PulseOximeter };

        Assert.Equal(InsertResult.Added, window.Insert(fromPhone));
        Assert.Equal(InsertResult.Replaced, window.Insert(fromOximeter));
        Assert.Equal(InsertResult.Superseded, window.Insert(fromPhone));

        var held = Assert.Single(window.Range(Noon, Noon.AddMinutes(1)));
        Assert.Equal(93, held.Value);
        Assert.Equal(SourceKind.PulseOximeter, held.Source);
        Assert.Equal(1, window.Total);
    }

    [Fact]
    public void TheSameSourceRepeatingAMeasurementIsADuplicate()
    {
        var window = new VitalWindow(8);
        var sample = HeartRate(0, 70) with { Source = SourceKind.Watch };

        window.Insert(sample);

        Assert.Equal(InsertResult.Duplicate, window.Insert(sample with { Value = 71 }));
    }

    [Fact]
    public void AWorseSourcesOverlappingSleepGivesWayToTheBetterOne()
    {
        var window = new VitalWindow(64);
        var night = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(-3));

        // The phone guessed first; then the ring's stages arrive and replace what they overlap.
        window.Insert(Sleep(SourceKind.Phone, night, 480, "asleep"));
        Assert.Equal(InsertResult.Added, window.Insert(Sleep(SourceKind.Ring, night, 90, "light")));
        Assert.Equal(InsertResult.Added, window.Insert(Sleep(SourceKind.Ring, night.AddMinutes(90), 60, "deep")));
        Assert.Equal(InsertResult.Superseded, window.Insert(Sleep(SourceKind.Phone, night.AddMinutes(30), 30, "awake")));

        var held = window.Range(night.AddHours(-1), night.AddHours(10));
        Assert.All(held, s => Assert.Equal(SourceKind.Ring, s.Source));
        Assert.Equal(2, held.Length);
    }

    [Fact]
    public void OneSourcesOverlappingSleepRecordsAreAllKept()
    {
        var window = new VitalWindow(64);
        var night = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);

        // HealthKit writes "in bed" and the stages inside it from the same watch.
        window.Insert(Sleep(SourceKind.Watch, night, 480, "in_bed"));
        window.Insert(Sleep(SourceKind.Watch, night.AddMinutes(10), 60, "light"));

        Assert.Equal(2, window.Count);
    }

    [Theory]
    [InlineData("steps", SourceKind.Watch, SourceKind.Phone)]
    [InlineData("sleep_stage", SourceKind.Ring, SourceKind.Phone)]
    [InlineData("blood_pressure", SourceKind.BloodPressureMonitor, SourceKind.Watch)]
    [InlineData("body_weight", SourceKind.Scale, SourceKind.Manual)]
    [InlineData("spo2", SourceKind.PulseOximeter, SourceKind.Watch)]
    [InlineData("heart_rate", SourceKind.Watch, SourceKind.Phone)]
    [InlineData("heart_rate", SourceKind.Manual, SourceKind.Unknown)]
    public void TheCatalogueRanksSourcesPerVital(string code, SourceKind better, SourceKind worse)
    {
        Assert.True(VitalCatalog.TryGet(code, out var vital));
        Assert.True(vital.SourceRank(better) < vital.SourceRank(worse));
    }
}
