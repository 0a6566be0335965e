using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

/// <summary>The whole lake on S3 (fauxqs): write, read and SQL through the local mirror, compaction, erasure.</summary>
public sealed class S3LakeTests
{
    [Fact]
    public async Task Lake_on_s3_round_trips_compacts_and_erases_through_the_mirror()
    {
        await using var lake = await LakeHost.S3Async();
        var day = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var batch = Samples.HeartRateSeries(day, 40, TimeSpan.FromSeconds(1));
        await lake.Writer.AppendAsync("gone", "w1", batch);
        await lake.Writer.AppendAsync("stays", "w2", batch);
        await lake.Writer.FlushAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("stays", "w2", batch.AsMemory(0, 10));
        await lake.Writer.FlushAsync(CancellationToken.None);
        Assert.StartsWith("s3://", lake.Store.Description, StringComparison.Ordinal);

        var read = await lake.Reader.ReadAsync("stays", VitalCatalog.HeartRate.Type, day, day.AddHours(1));
        Assert.Equal(40, read.Count);
        Samples.AssertSame(batch[7], read[7]);
        Assert.Equal(80L, (await lake.Sql.QueryAsync("SELECT count(*) FROM vitals")).Rows[0][0]);

        var compaction = await lake.Compactor.CompactAsync(CancellationToken.None);
        Assert.Equal(10, compaction.DuplicatesDropped);
        var receipt = await lake.Eraser.EraseAsync("gone");
        Assert.Equal(40, receipt.RowsRemoved);

        Assert.Equal([["stays", 40L]], (await lake.Sql.QueryAsync("SELECT patient_id, count(*) FROM vitals_raw GROUP BY ALL")).Rows);
        var mirrored = Directory.EnumerateFiles(lake.Files.Root, "*.parquet", SearchOption.AllDirectories).ToList();
        Assert.Single(mirrored);
    }
}
