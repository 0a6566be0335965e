using static Wearables.Twins.Import.Garmin.Tests.FitFileBuilder;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>How FIT messages become samples: beat series, monitoring counters, offsets, contexts, unusable times.</summary>
public sealed class MappingTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly uint T0 = Time(Start);

    private static FitFileBuilder Activity() => new FitFileBuilder()
        .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
        .Data(0, 4, 1, 3290) // activity file, garmin fenix6
        .Define(1, 21, (253, 4, FitType.UInt32), (0, 1, FitType.Enum), (1, 1, FitType.Enum))
        .Define(2, 20, (253, 4, FitType.UInt32), (3, 1, FitType.UInt8), (5, 4, FitType.UInt32), (4, 1, FitType.UInt8))
        .Define(3, 78, (0, 10, FitType.UInt16));

    /// <summary>0x33A008E1 is the run fixture's first timestamp, which its CSV gives as 07:34:09 PDT.</summary>
    [Fact]
    public void FIT_times_count_from_1989_12_31_utc()
        => Assert.Equal(new DateTimeOffset(2017, 6, 11, 14, 34, 9, TimeSpan.Zero), FitEpoch.AddSeconds(0x33A008E1));

    [Fact]
    public async Task Beat_intervals_are_sent_in_series_of_at_most_256_on_a_clock_started_by_the_timer()
    {
        var builder = Activity()
            .Data(1, T0, 0, 0) // timer start
            .Data(2, T0 + 2, 75, 0, 0);
        for (var i = 0; i < 120; i++)
        {
            builder.Data(3, new int?[] { 800, 800, 800, 800, 800 });
        }

        var imported = await ImportHarness.ReadAllAsync(builder.Build());

        Assert.Empty(imported.Rejections());
        var series = imported.Samples("rr_intervals");
        Assert.Equal([256, 256, 88], series.Select(s => s.Values!.Count));
        Assert.All(series, s => Assert.All(s.Values!, v => Assert.Equal(800, v)));
        Assert.Equal(
            [Wire(Start), Wire(Start.AddSeconds(256 * 0.8)), Wire(Start.AddSeconds(512 * 0.8))],
            series.Select(s => s.Time));
        ImportHarness.AssertAllAccepted(imported.Samples());
    }

    [Fact]
    public async Task An_implausible_beat_is_left_out_and_ends_its_series()
    {
        var file = Activity()
            .Data(2, T0, 75, 0, 0) // no timer start: the clock starts at the latest timestamp
            .Data(3, new int?[] { 1000, 1000, 120, 1000, null })
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        var rejection = Assert.Single(imported.Rejections());
        Assert.Equal(GarminFitReasons.ImplausibleValue, rejection.Reason);
        Assert.Contains("120 ms", rejection.Detail, StringComparison.Ordinal);
        var series = imported.Samples("rr_intervals");
        Assert.Equal([2, 1], series.Select(s => s.Values!.Count));
        Assert.Equal([Wire(Start), Wire(Start.AddMilliseconds(2120))], series.Select(s => s.Time));
        ImportHarness.AssertAllAccepted(imported.Samples());
    }

    [Fact]
    public async Task Beats_before_any_timestamp_cannot_be_placed()
    {
        var file = Activity().Data(3, new int?[] { 900, null, null, null, null }).Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal(ImportReasons.UnreadableRecord, Assert.Single(imported).Reason);
    }

    [Fact]
    public async Task Record_fields_that_are_not_vitals_yield_nothing_and_are_not_rejections()
    {
        var file = Activity()
            .Data(2, T0, null, 12345, 80) // distance and cadence, no heart rate
            .Data(2, T0 + 1, 90, 12400, 82)
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        var record = Assert.Single(imported);
        Assert.Equal(90, record.Sample!.Value);
        Assert.Equal("garmin fenix6", record.Source);
        Assert.Equal("active", record.Sample.Context); // activity file, no session to say otherwise
    }

    [Fact]
    public async Task Heart_rate_outside_the_sessions_is_of_unknown_context()
    {
        var file = Activity()
            .Define(4, 18, (253, 4, FitType.UInt32), (2, 4, FitType.UInt32), (9, 4, FitType.UInt32), (11, 2, FitType.UInt16))
            .Data(2, T0 - 60, 70, null, null) // before the session
            .Data(2, T0 + 10, 120, null, null)
            .Data(4, T0 + 600, T0, 250_000, 80)
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal(["unknown", "active"], imported.Samples("heart_rate").Select(s => s.Context));
        var distance = Assert.Single(imported.Samples("distance"));
        Assert.Equal(2500, distance.Value);
        Assert.Equal((Wire(Start), Wire(Start.AddMinutes(10))), (distance.Time, distance.End));
        Assert.Equal(80, Assert.Single(imported.Samples("active_energy")).Value);
        ImportHarness.AssertAllAccepted(imported.Samples());
    }

    [Fact]
    public async Task A_session_without_start_time_starts_its_elapsed_time_before_its_end()
    {
        var file = Activity()
            .Define(4, 18, (253, 4, FitType.UInt32), (7, 4, FitType.UInt32), (9, 4, FitType.UInt32), (11, 2, FitType.UInt16))
            .Data(4, T0 + 1800, 1_800_000, 0, 300) // 30 min, no distance (0 is left out), 300 kcal
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Empty(imported.Samples("distance"));
        var energy = Assert.Single(imported.Samples("active_energy"));
        Assert.Equal((Wire(Start), Wire(Start.AddMinutes(30)), 300d), (energy.Time, energy.End, energy.Value!.Value));
    }

    [Fact]
    public async Task A_heart_rate_with_a_device_relative_time_or_no_time_is_unreadable()
    {
        var file = Activity()
            .Define(5, 20, (3, 1, FitType.UInt8))
            .Data(2, 1000u, 70, null, null) // seconds since power-on
            .Data(5, 71) // no timestamp and none before it
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Equal(2, imported.Rejections().Count);
        Assert.All(imported, r => Assert.Equal(ImportReasons.UnreadableRecord, r.Reason));
        Assert.Contains("powered on", imported[0].Detail, StringComparison.Ordinal);
        Assert.Contains("no timestamp", imported[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_recorded_offset_each_time_takes_the_context_zone_offset_at_that_instant()
    {
        var winter = new DateTimeOffset(2024, 3, 30, 12, 0, 0, TimeSpan.Zero);
        var summer = new DateTimeOffset(2024, 3, 31, 12, 0, 0, TimeSpan.Zero); // Paris moved to +02:00 at 01:00Z
        var file = Activity()
            .Data(2, Time(winter), 60, null, null)
            .Data(2, Time(summer), 61, null, null)
            .Build();
        var paris = new ImportContext { LocalTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") };

        var imported = await ImportHarness.ReadAllAsync(file, paris);

        Assert.Equal(["2024-03-30T13:00:00+01:00", "2024-03-31T14:00:00+02:00"], imported.Samples("heart_rate").Select(s => s.Time));
    }

    [Fact]
    public async Task The_activity_local_timestamp_gives_the_wearer_offset_even_when_the_context_zone_differs()
    {
        var file = Activity()
            .Data(2, T0, 60, null, null)
            .Define(6, 34, (253, 4, FitType.UInt32), (5, 4, FitType.UInt32))
            .Data(6, T0 + 60, T0 + 60 + (5 * 3600) + (30 * 60) + 2) // India, +05:30 (2 s of clock skew)
            .Build();
        var paris = new ImportContext { LocalTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") };

        var imported = await ImportHarness.ReadAllAsync(file, paris);

        Assert.Equal("2024-03-05T15:30:00+05:30", Assert.Single(imported.Samples("heart_rate")).Time);
    }

    [Fact]
    public async Task Monitoring_counters_become_increases_over_each_interval_and_heart_rate_is_of_unknown_context()
    {
        var file = new FitFileBuilder()
            .Define(0, 0, (0, 1, FitType.Enum), (1, 2, FitType.UInt16), (2, 2, FitType.UInt16))
            .Data(0, 32, 1, 2697) // monitoring_b file
            .Define(1, 103, (253, 4, FitType.UInt32), (0, 4, FitType.UInt32))
            .Data(1, T0, T0 + 7200) // wearer at +02:00
            .Define(2, 55, (253, 4, FitType.UInt32), (5, 1, FitType.Enum), (3, 4, FitType.UInt32), (19, 2, FitType.UInt16))
            .Define(3, 55, (26, 2, FitType.UInt16), (27, 1, FitType.UInt8))
            .Data(2, T0, 6, 100, 10) // baselines: 100 walking steps, 10 kcal
            .Data(3, (T0 + 60) & 0xFFFF, 64) // timestamp_16
            .Data(2, T0 + 900, 6, 250, 25)
            .Data(2, T0 + 900, 1, 40, null) // running: a baseline of its own
            .Data(2, T0 + 1800, 6, 250, 25) // no increase, nothing sent
            .Data(2, T0 + 2700, 6, 30, 27) // walking counter reset: 30 new steps
            .Data(2, T0 + 2700, 2, 999, null) // cycling cycles are not steps
            .Build();

        var imported = await ImportHarness.ReadAllAsync(file);

        Assert.Empty(imported.Rejections());
        Assert.All(imported, r => Assert.Equal("garmin fenix5", r.Source));
        var heartRate = Assert.Single(imported.Samples("heart_rate"));
        Assert.Equal(("2024-03-05T12:01:00+02:00", 64d, "unknown"), (heartRate.Time!, heartRate.Value!.Value, heartRate.Context!));
        Assert.Equal(
            [("2024-03-05T12:00:00+02:00", "2024-03-05T12:15:00+02:00", 150d), ("2024-03-05T12:30:00+02:00", "2024-03-05T12:45:00+02:00", 30d)],
            imported.Samples("steps").Select(s => (s.Time!, s.End!, s.Value!.Value)));
        Assert.Equal(
            [("2024-03-05T12:00:00+02:00", "2024-03-05T12:15:00+02:00", 15d), ("2024-03-05T12:30:00+02:00", "2024-03-05T12:45:00+02:00", 2d)],
            imported.Samples("active_energy").Select(s => (s.Time!, s.End!, s.Value!.Value)));
        ImportHarness.AssertAllAccepted(imported.Samples());
    }

    /// <summary>The wire form of a time when the file records no offset and the context zone is UTC (the default).</summary>
    private static string Wire(DateTimeOffset time) => WireTime.Format(time.ToOffset(TimeSpan.Zero));
}
