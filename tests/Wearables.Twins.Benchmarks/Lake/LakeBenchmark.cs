using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Storage;
using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Benchmarks.Lake;

/// <summary>The lake's numbers: bytes per sample (Parquet vs the JSON envelope), write throughput, range-query latency.</summary>
internal static class LakeBenchmark
{
    private const int Repeats = 3;

    public sealed record SizeRow(string Stream, long Samples, long ParquetBytes, long JsonBytes, int SamplesPerMessage)
    {
        public double ParquetPerSample => (double)ParquetBytes / Samples;

        public double JsonPerSample => (double)JsonBytes / Samples;
    }

    public sealed record WriteResult(long Samples, int Patients, TimeSpan Elapsed, int Files)
    {
        public double SamplesPerSecond => Samples / Elapsed.TotalSeconds;
    }

    public sealed record QueryResult(string Query, long Rows, double MedianMilliseconds);

    public static async Task<IReadOnlyList<SizeRow>> SizesAsync(CancellationToken cancellationToken)
    {
        var ingested = DateTimeOffset.UtcNow;
        var heart = LakeStreams.HeartRate1Hz(LakeStreams.Day, 86_400, seed: 1);
        var flushRows = new List<HistoryRow>();
        for (var p = 0; p < 1_000; p++)
        {
            flushRows.AddRange(LakeStreams.Rows($"patient-{p:D5}", $"watch-{p:D5}", LakeStreams.HeartRate1Hz(LakeStreams.Day, 30, p), ingested));
        }

        var mixed = LakeStreams.MixedDay(LakeStreams.Day, seed: 2);
        var mixedBytes = 0L;
        foreach (var partition in mixed.GroupBy(s => (s.Type, LakePaths.UtcDate(s.Time))))
        {
            mixedBytes += await ParquetBytesAsync(LakeStreams.Rows("patient-00001", "watch-00001", partition, ingested), LakeFileKind.Archive, cancellationToken);
        }

        return
        [
            new("heart rate 1 Hz, one patient-day (daily file)", heart.Length,
                await ParquetBytesAsync(LakeStreams.Rows("patient-00001", "watch-00001", heart, ingested), LakeFileKind.Archive, cancellationToken), EnvelopeSize.Bytes(heart, 1), 1),
            new("heart rate 1 Hz, one patient-day (daily file)", heart.Length,
                await ParquetBytesAsync(LakeStreams.Rows("patient-00001", "watch-00001", heart, ingested), LakeFileKind.Archive, cancellationToken), EnvelopeSize.Bytes(heart, 60), 60),
            new("heart rate 1 Hz, 30 s flush of 1,000 patients", flushRows.Count,
                await ParquetBytesAsync(flushRows, LakeFileKind.Flush, cancellationToken), EnvelopeSize.Bytes([.. flushRows.Select(r => r.Sample)], 30), 30),
            new("mixed vitals, one patient-day (daily files)", mixed.Length, mixedBytes, EnvelopeSize.Bytes(mixed, 35), 35),
        ];
    }

    public static async Task<WriteResult> WriteThroughputAsync(string directory, int patients, int seconds, CancellationToken cancellationToken)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new HistoryOptions { Directory = directory });
        var store = new LocalLakeStore(directory);
        using var gate = new LakeGate();
        using var writer = new HistoryWriter(store, gate, options, TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        var streams = Enumerable.Range(0, patients).Select(p => LakeStreams.HeartRate1Hz(LakeStreams.Day, seconds, p)).ToArray();
        var flushAt = options.Value.Writer.FlushValues;
        var stopwatch = Stopwatch.StartNew();

        // As the patient grains would: one minute of one patient per append, patients interleaved.
        for (var start = 0; start < seconds; start += 60)
        {
            for (var p = 0; p < patients; p++)
            {
                var length = Math.Min(60, seconds - start);
                await writer.AppendAsync($"patient-{p:D5}", $"watch-{p:D5}", streams[p].AsMemory(start, length));
                if (writer.BufferedValues >= flushAt)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }
        }

        await writer.FlushAsync(cancellationToken);
        stopwatch.Stop();
        var files = Directory.EnumerateFiles(directory, "*.parquet", SearchOption.AllDirectories).Count();
        return new WriteResult((long)patients * seconds, patients, stopwatch.Elapsed, files);
    }

    /// <summary>Builds <paramref name="days"/> compacted daily files of 1 Hz heart rate for <paramref name="patients"/>, then times one patient's 30-day queries.</summary>
    public static async Task<IReadOnlyList<QueryResult>> QueryLatencyAsync(string directory, int patients, int days, CancellationToken cancellationToken)
    {
        var store = new LocalLakeStore(directory);
        var ingested = DateTimeOffset.UtcNow;
        var first = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        for (var d = 0; d < days; d++)
        {
            var day = first.AddDays(d);
            var rows = new List<HistoryRow>(patients * 86_400);
            for (var p = 0; p < patients; p++)
            {
                rows.AddRange(LakeStreams.Rows($"patient-{p:D5}", $"watch-{p:D5}", LakeStreams.HeartRate1Hz(day, 86_400, (d * 1_000) + p), ingested));
            }

            var key = LakePaths.PartitionPrefix(VitalCatalog.HeartRate.Code, DateOnly.FromDateTime(day.UtcDateTime)) + $"d-bench-{d:D3}.parquet";
            await HistoryWriter.PutFileAsync(store, key, rows, LakeSchema.DefaultRowGroupRows, LakeFileKind.Archive, cancellationToken);
        }

        var options = Microsoft.Extensions.Options.Options.Create(new HistoryOptions { Directory = directory });
        using var files = new LakeFiles(store, options);
        var reader = new HistoryReader(files);
        var to = first.AddDays(days);
        var patient = $"patient-{patients / 2:D5}";
        return
        [
            await TimeAsync("raw samples", async () => (await reader.ReadAsync(patient, VitalCatalog.HeartRate.Type, first, to, cancellationToken)).Count),
            await TimeAsync("1h aggregates", async () => (await reader.AggregateAsync(patient, VitalCatalog.HeartRate.Type, first, to, HistoryResolution.Hour, cancellationToken)).Count),
            await TimeAsync("1d aggregates", async () => (await reader.AggregateAsync(patient, VitalCatalog.HeartRate.Type, first, to, HistoryResolution.Day, cancellationToken)).Count),
        ];
    }

    private static async Task<QueryResult> TimeAsync(string name, Func<Task<int>> query)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < Repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            rows = await query();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new QueryResult(name, rows, times[times.Count / 2]);
    }

    private static async Task<long> ParquetBytesAsync(List<HistoryRow> rows, LakeFileKind kind, CancellationToken cancellationToken)
    {
        rows.Sort(HistoryRow.CompareForFile);
        using var stream = new MemoryStream();
        await ParquetFileWriter.WriteAsync(stream, rows, LakeSchema.DefaultRowGroupRows, kind, cancellationToken);
        return stream.Length;
    }
}
