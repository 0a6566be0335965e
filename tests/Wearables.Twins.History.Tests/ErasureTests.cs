using DuckDB.NET.Data;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

public sealed class ErasureTests
{
    [Fact]
    public async Task Erasure_leaves_no_row_of_the_patient_in_any_file_and_keeps_everyone_else()
    {
        await using var lake = LakeHost.Local();
        var day1 = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        await lake.Writer.AppendAsync("gone", "w1", Samples.HeartRateSeries(day1, 30, TimeSpan.FromMinutes(1)));
        await lake.Writer.AppendAsync("stays", "w2", Samples.HeartRateSeries(day1, 30, TimeSpan.FromMinutes(1)));
        await lake.Writer.AppendAsync("gone", "w1", new[] { Samples.BloodPressure(day1, 150, 95) });
        await lake.Writer.FlushAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("gone", "w1", Samples.HeartRateSeries(day1.AddDays(1), 10, TimeSpan.FromMinutes(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("gone", "w1", Samples.HeartRateSeries(day1.AddDays(2), 5, TimeSpan.FromMinutes(1)));

        var receipt = await lake.Eraser.EraseAsync("gone");

        Assert.Equal(40, receipt.RowsRemovedByVital["heart_rate"]);
        Assert.Equal(1, receipt.RowsRemovedByVital["blood_pressure"]);
        Assert.Equal(5, receipt.BufferedSamplesRemovedByVital["heart_rate"]);
        Assert.Single(receipt.FilesRewritten);
        Assert.Equal(2, receipt.FilesRemoved.Count);

        // Straight over the raw files, not through the service's views.
        await using var duck = new DuckDBConnection("Data Source=:memory:");
        await duck.OpenAsync();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT patient_id, count(*) FROM read_parquet('{lake.Files.Root}/**/*.parquet') GROUP BY patient_id";
        using var reader = await command.ExecuteReaderAsync();
        var left = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            left[reader.GetString(0)] = reader.GetInt64(1);
        }

        Assert.Equal(new Dictionary<string, long> { ["stays"] = 30 }, left);
        await lake.Writer.FlushAsync(CancellationToken.None);
        Assert.Empty(await lake.Reader.ReadAsync("gone", VitalCatalog.HeartRate.Type, day1, day1.AddDays(3)));
        Assert.Equal(30, (await lake.Reader.ReadAsync("stays", VitalCatalog.HeartRate.Type, day1, day1.AddDays(3))).Count);
        Assert.DoesNotContain(Directory.EnumerateFiles(lake.Files.Root, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erasing_an_unknown_patient_changes_nothing()
    {
        await using var lake = LakeHost.Local();
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 5, TimeSpan.FromSeconds(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);
        var before = await lake.Files.ListAsync(["vitals/"], CancellationToken.None);

        var receipt = await lake.Eraser.EraseAsync("nobody");

        Assert.Equal(0, receipt.RowsRemoved);
        Assert.Empty(receipt.FilesRewritten);
        Assert.Equal(before.Select(f => f.Key), (await lake.Files.ListAsync(["vitals/"], CancellationToken.None)).Select(f => f.Key));
    }
}
