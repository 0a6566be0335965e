using Wearables.Twins.History.Reading;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

public sealed class RoundTripTests
{
    [Fact]
    public async Task Samples_written_come_back_from_reader_and_sql_exactly()
    {
        await using var lake = LakeHost.Local();
        var heart = Samples.HeartRateSeries(Samples.Start, 120, TimeSpan.FromSeconds(1));
        var midnight = new DateTimeOffset(2026, 11, 27, 23, 59, 30, TimeSpan.Zero);
        VitalSample[] others =
        [
            Samples.BloodPressure(Samples.Start, 121, 79),
            Samples.Rr(Samples.Start, 812, 790, 805),
            Samples.Steps(midnight, midnight.AddMinutes(1), 96),
            Samples.Sleep(Samples.Start.AddHours(-8), Samples.Start.AddHours(-7.5), "deep"),
        ];
        await lake.Writer.AppendAsync("patient-1", "watch-1", heart);
        await lake.Writer.AppendAsync("patient-1", "watch-1", others);
        await lake.Writer.FlushAsync(CancellationToken.None);

        var read = await lake.Reader.ReadAsync("patient-1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddHours(1));
        Assert.Equal(heart.Length, read.Count);
        for (var i = 0; i < heart.Length; i++)
        {
            Samples.AssertSame(heart[i], read[i]);
        }

        foreach (var sample in others)
        {
            var one = Assert.Single(await lake.Reader.ReadAsync("patient-1", sample.Type, sample.Time, sample.Time.AddTicks(10)));
            Samples.AssertSame(sample, one);
        }

        var sql = await lake.Sql.QueryAsync("SELECT vital, count(*) AS n FROM vitals GROUP BY vital ORDER BY vital");
        Assert.Equal(["n", "vital"], sql.Columns.Select(c => c.Name).Order());
        var counts = sql.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(120, counts["heart_rate"]);
        Assert.Equal(1, counts["blood_pressure"]);
        Assert.Equal(1, counts["rr_intervals"]);
        Assert.Equal(1, counts["steps"]);
        Assert.Equal(1, counts["sleep_stage"]);
    }

    [Fact]
    public async Task Range_is_half_open_and_other_patients_are_not_read()
    {
        await using var lake = LakeHost.Local();
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 10, TimeSpan.FromMinutes(1)));
        await lake.Writer.AppendAsync("p2", "w2", Samples.HeartRateSeries(Samples.Start, 10, TimeSpan.FromMinutes(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);

        var read = await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start.AddMinutes(2), Samples.Start.AddMinutes(5));

        Assert.Equal([Samples.Start.AddMinutes(2), Samples.Start.AddMinutes(3), Samples.Start.AddMinutes(4)], read.Select(s => s.Time));
    }

    [Fact]
    public async Task Aggregates_per_bucket_match_the_samples()
    {
        await using var lake = LakeHost.Local();
        var start = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        VitalSample[] samples = [.. Enumerable.Range(0, 120).Select(i => Samples.HeartRate(start.AddSeconds(i), i < 60 ? 60 + i : 100))];
        await lake.Writer.AppendAsync("p1", "w1", samples);
        await lake.Writer.FlushAsync(CancellationToken.None);

        var buckets = await lake.Reader.AggregateAsync("p1", VitalCatalog.HeartRate.Type, start, start.AddHours(1), HistoryResolution.Minute);

        Assert.Equal(2, buckets.Count);
        Assert.Equal(start, buckets[0].Start);
        Assert.Equal(60, buckets[0].Count);
        Assert.Equal(60, buckets[0].Min);
        Assert.Equal(119, buckets[0].Max);
        Assert.Equal(89.5, buckets[0].Mean, 6);
        Assert.Equal(89.5, buckets[0].P50, 6);
        Assert.Equal(60 + (59 * 0.95), buckets[0].P95, 6);
        Assert.Equal(new HistoryBucket(start.AddMinutes(1), 60, 100, 100, 100, 100, 100), buckets[1]);

        var hourly = Assert.Single(await lake.Reader.AggregateAsync("p1", VitalCatalog.HeartRate.Type, start, start.AddHours(1), HistoryResolution.Hour));
        Assert.Equal(120, hourly.Count);
    }

    [Fact]
    public async Task A_flush_writes_one_file_per_vital_and_utc_day_sorted_by_patient_and_time()
    {
        await using var lake = LakeHost.Local();
        var lateEvening = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);
        await lake.Writer.AppendAsync("p2", "w", Samples.HeartRateSeries(lateEvening, 3, TimeSpan.FromHours(1)));
        await lake.Writer.AppendAsync("p1", "w", Samples.HeartRateSeries(lateEvening, 3, TimeSpan.FromHours(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);

        var keys = new List<string>();
        await foreach (var item in lake.Store.ListAsync("vitals/", CancellationToken.None))
        {
            keys.Add(item.Key);
        }

        Assert.Equal(2, keys.Count);
        Assert.Contains(keys, k => k.StartsWith("vitals/vital=heart_rate/date=2026-11-27/s-", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("vitals/vital=heart_rate/date=2026-11-28/s-", StringComparison.Ordinal));
        var day2 = lake.Files.LocalPathOf(keys.Single(k => k.Contains("2026-11-28", StringComparison.Ordinal)));
        var order = await lake.Sql.QueryAsync($"SELECT patient_id, time FROM vitals_raw WHERE date = DATE '2026-11-28'");
        Assert.Equal(["p1", "p1", "p2", "p2"], order.Rows.Select(r => (string)r[0]!));
        Assert.True(File.Exists(day2));
    }
}
