using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

/// <summary>After a crash the telemetry log replays from its checkpoint, so the lake can receive a sample twice.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task Redelivered_samples_are_counted_once_by_reader_view_and_compaction()
    {
        await using var lake = LakeHost.Local();
        var day = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var batch = Samples.HeartRateSeries(day, 50, TimeSpan.FromSeconds(1));
        await lake.Writer.AppendAsync("p1", "w1", batch);
        await lake.Writer.FlushAsync(CancellationToken.None);

        // The replay repeats the first half together with new samples, in a later flush.
        await lake.Writer.AppendAsync("p1", "w1", batch.AsMemory(0, 25));
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(day.AddSeconds(50), 10, TimeSpan.FromSeconds(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);

        var raw = await lake.Sql.QueryAsync("SELECT count(*) FROM vitals_raw");
        Assert.Equal(85L, raw.Rows[0][0]);
        var read = await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, day, day.AddHours(1));
        Assert.Equal(60, read.Count);
        Assert.Equal(60, read.Select(s => s.Time).Distinct().Count());
        var view = await lake.Sql.QueryAsync("SELECT count(*), count(DISTINCT time) FROM vitals");
        Assert.Equal([60L, 60L], view.Rows[0]);
        var aggregate = Assert.Single(await lake.Reader.AggregateAsync("p1", VitalCatalog.HeartRate.Type, day, day.AddDays(1), Reading.HistoryResolution.Day));
        Assert.Equal(60, aggregate.Count);

        var report = await lake.Compactor.CompactAsync(CancellationToken.None);

        Assert.Equal(1, report.Partitions);
        Assert.Equal(2, report.FilesMerged);
        Assert.Equal(60, report.RowsWritten);
        Assert.Equal(25, report.DuplicatesDropped);
        var after = await lake.Sql.QueryAsync("SELECT count(*), count(DISTINCT filename) FROM read_parquet('" + lake.Files.Root + "/vitals/*/*/*.parquet', filename = true)");
        Assert.Equal([60L, 1L], after.Rows[0]);
    }

    [Fact]
    public async Task The_same_batch_flushed_twice_lands_in_the_same_file()
    {
        await using var lake = LakeHost.Local();
        var batch = Samples.HeartRateSeries(Samples.Start, 20, TimeSpan.FromSeconds(1));
        await lake.Writer.AppendAsync("p1", "w1", batch);
        await lake.Writer.FlushAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("p1", "w1", batch);
        await lake.Writer.FlushAsync(CancellationToken.None);

        var files = await lake.Files.ListAsync(["vitals/"], CancellationToken.None);

        Assert.Single(files);
    }

    [Fact]
    public async Task Two_devices_reporting_the_same_instant_both_stay()
    {
        await using var lake = LakeHost.Local();
        await lake.Writer.AppendAsync("p1", "watch", new[] { Samples.HeartRate(Samples.Start, 70) });
        await lake.Writer.AppendAsync("p1", "ring", new[] { Samples.HeartRate(Samples.Start, 72) with { Source = SourceKind.Ring } });
        await lake.Writer.FlushAsync(CancellationToken.None);

        var read = await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddSeconds(1));

        Assert.Equal([SourceKind.Watch, SourceKind.Ring], read.Select(s => s.Source).Order());
    }

    [Fact]
    public async Task A_compaction_that_died_before_deleting_its_inputs_still_counts_each_sample_once()
    {
        await using var lake = LakeHost.Local();
        var day = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(day, 30, TimeSpan.FromSeconds(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(day.AddSeconds(30), 30, TimeSpan.FromSeconds(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);
        var inputs = await lake.Files.ListAsync(["vitals/"], CancellationToken.None);
        var kept = inputs.Select(f => (f.LocalPath, Bytes: File.ReadAllBytes(f.LocalPath))).ToList();
        await lake.Compactor.CompactAsync(CancellationToken.None);

        // Put the inputs back as if the process had died after writing the daily file.
        foreach (var (path, bytes) in kept)
        {
            await File.WriteAllBytesAsync(path, bytes);
        }

        Assert.Equal(3, (await lake.Files.ListAsync(["vitals/"], CancellationToken.None)).Count);
        Assert.Equal(60, (await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, day, day.AddHours(1))).Count);
        Assert.Equal(60L, (await lake.Sql.QueryAsync("SELECT count(*) FROM vitals")).Rows[0][0]);

        var rerun = await lake.Compactor.CompactAsync(CancellationToken.None);

        Assert.Equal(60, rerun.RowsWritten);
        Assert.Single(await lake.Files.ListAsync(["vitals/"], CancellationToken.None));
    }
}
