using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Storage;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

/// <summary>A crash or a store failure in the middle of a flush loses nothing and leaves nothing a reader counts.</summary>
public sealed class FlushFailureTests
{
    [Fact]
    public async Task A_half_written_temp_file_is_ignored_by_reader_and_sql()
    {
        await using var lake = LakeHost.Local();
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 10, TimeSpan.FromSeconds(1)));
        await lake.Writer.FlushAsync(CancellationToken.None);
        var file = Assert.Single(await lake.Files.ListAsync(["vitals/"], CancellationToken.None));

        // What a crash mid-put leaves: the first half of a Parquet file under a temp name beside the real ones.
        var bytes = await File.ReadAllBytesAsync(file.LocalPath);
        await File.WriteAllBytesAsync(file.LocalPath + ".5f3c.tmp", bytes.AsMemory(0, bytes.Length / 2).ToArray());

        Assert.Equal(10, (await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddHours(1))).Count);
        Assert.Equal(10L, (await lake.Sql.QueryAsync("SELECT count(*) FROM vitals_raw")).Rows[0][0]);
        var report = await lake.Compactor.CompactAsync(CancellationToken.None);
        Assert.Equal(0, report.Partitions);
    }

    [Fact]
    public async Task A_failed_put_keeps_the_rows_buffered_and_the_next_flush_writes_them()
    {
        using var directory = new TempDirectory();
        var store = new FlakyStore(new LocalLakeStore(directory.Root)) { FailPuts = 1 };
        var options = Microsoft.Extensions.Options.Options.Create(new HistoryOptions { Directory = directory.Root });
        using var gate = new LakeGate();
        using var writer = new HistoryWriter(store, gate, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        using var files = new LakeFiles(store, options);
        await writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 10, TimeSpan.FromSeconds(1)));
        await writer.AppendAsync("p1", "w1", new[] { Samples.SpO2(Samples.Start, 97) });

        await Assert.ThrowsAsync<IOException>(() => writer.FlushAsync(CancellationToken.None));
        Assert.Equal(11, writer.BufferedValues);

        await writer.FlushAsync(CancellationToken.None);

        Assert.Equal(0, writer.BufferedValues);
        var reader = new HistoryReader(files);
        Assert.Equal(10, (await reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddHours(1))).Count);
        Assert.Single(await reader.ReadAsync("p1", VitalCatalog.OxygenSaturation.Type, Samples.Start, Samples.Start.AddHours(1)));
    }

    [Fact]
    public async Task Appends_over_the_high_watermark_wait_for_a_flush_and_below_it_complete_at_once()
    {
        await using var lake = LakeHost.Local(new() { ["Twins:History:Writer:FlushValues"] = "5", ["Twins:History:Writer:MaxBufferedValues"] = "10" });

        var below = lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 9, TimeSpan.FromSeconds(1)));
        Assert.True(below.IsCompletedSuccessfully);
        var over = lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start.AddMinutes(1), 2, TimeSpan.FromSeconds(1))).AsTask();
        Assert.False(over.IsCompleted);

        await lake.Writer.FlushAsync(CancellationToken.None);
        await over;

        Assert.Equal(0, lake.Writer.BufferedValues);
    }

    [Fact]
    public async Task The_background_service_flushes_by_age_without_being_asked()
    {
        await using var lake = LakeHost.Local(new() { ["Twins:History:Writer:MaxAge"] = "00:00:00.200" });
        var service = new HistoryWriterService(lake.Writer, lake.Get<IOptions<HistoryOptions>>(), TimeProvider.System, NullLogger<HistoryWriterService>.Instance);
        await service.StartAsync(CancellationToken.None);

        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 3, TimeSpan.FromSeconds(1)));

        // Nothing announces the timer's flush (a file watcher misses files in partition folders created meanwhile),
        // so watch the buffer drain; nobody else flushes here.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (lake.Writer.BufferedValues > 0)
        {
            await Task.Delay(20, deadline.Token);
        }

        await service.StopAsync(CancellationToken.None);

        Assert.Equal(3, (await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddHours(1))).Count);
    }

    [Fact]
    public async Task Stopping_the_service_flushes_what_is_buffered()
    {
        await using var lake = LakeHost.Local(new() { ["Twins:History:Writer:MaxAge"] = "01:00:00" });
        var service = new HistoryWriterService(lake.Writer, lake.Get<IOptions<HistoryOptions>>(), TimeProvider.System, NullLogger<HistoryWriterService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await lake.Writer.AppendAsync("p1", "w1", Samples.HeartRateSeries(Samples.Start, 4, TimeSpan.FromSeconds(1)));

        await service.StopAsync(CancellationToken.None);

        Assert.Equal(4, (await lake.Reader.ReadAsync("p1", VitalCatalog.HeartRate.Type, Samples.Start, Samples.Start.AddHours(1))).Count);
    }

    private sealed class FlakyStore(ILakeStore inner) : ILakeStore
    {
        public int FailPuts { get; set; }

        public string Description => inner.Description;

        public string? LocalRoot => inner.LocalRoot;

        public Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
            => FailPuts-- > 0 ? throw new IOException("disk full") : inner.PutAsync(key, content, cancellationToken);

        public IAsyncEnumerable<LakeObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
