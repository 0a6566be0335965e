using System.IO.Compression;
using Parquet;
using Wearables.Twins.History.Schema;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Writing;

/// <summary>
/// Writes rows (already sorted by patient and time, all of one partition) as one Parquet file in the lake schema.
/// Timestamps are stored with millisecond precision (see <see cref="LakeSchema"/>); finer ticks are dropped.
/// </summary>
internal static class ParquetFileWriter
{
    // Flushes run while telemetry streams in, so they compress fast (ZSTD 3); compacted daily files live for years and
    // are written off the ingest path, so they take the smallest size (ZSTD 19).
    private static readonly ParquetOptions FlushOptions = LakeSchema.CreateWriterOptions(CompressionLevel.Optimal);
    private static readonly ParquetOptions ArchiveOptions = LakeSchema.CreateWriterOptions(CompressionLevel.SmallestSize);

    public static async Task WriteAsync(Stream output, IReadOnlyList<HistoryRow> rows, int rowGroupRows, LakeFileKind kind, CancellationToken cancellationToken)
    {
        var options = kind == LakeFileKind.Flush ? FlushOptions : ArchiveOptions;
        await using var writer = await ParquetWriter.CreateAsync(LakeSchema.Parquet, output, options, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string> { ["wearables.twins.schema"] = "vitals/v1" };
        for (var start = 0; start < rows.Count; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, rows.Count - start);
            await WriteRowGroupAsync(writer, rows, start, count, cancellationToken);
        }
    }

    private static async Task WriteRowGroupAsync(
        ParquetWriter writer, IReadOnlyList<HistoryRow> rows, int start, int count, CancellationToken cancellationToken)
    {
        var patients = new string[count];
        var devices = new string[count];
        var sources = new string[count];
        var vitals = new string[count];
        var times = new DateTime[count];
        var offsets = new int[count];
        var ends = new DateTime?[count];
        var values = new double[count];
        var values2 = new double?[count];
        var qualifiers = new int[count];
        var ingested = new DateTime[count];
        var seriesValues = new List<double>();
        var seriesDefinitions = new List<int>(count);
        var seriesRepetitions = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var row = rows[start + i];
            var sample = row.Sample;
            patients[i] = row.PatientId;
            devices[i] = row.DeviceId;
            sources[i] = sample.Source.Name();
            vitals[i] = sample.Type.Code;
            times[i] = sample.Time.UtcDateTime;
            offsets[i] = (int)sample.Time.Offset.TotalMinutes;
            ends[i] = sample.End?.UtcDateTime;
            values[i] = sample.Value;
            values2[i] = double.IsNaN(sample.Value2) ? null : sample.Value2;
            qualifiers[i] = sample.Qualifier;
            ingested[i] = row.IngestedAt.UtcDateTime;
            AddSeries(sample.Series, seriesValues, seriesDefinitions, seriesRepetitions);
        }

        using var group = writer.CreateRowGroup();
        await group.WriteAsync(LakeSchema.PatientId, patients);
        await group.WriteAsync(LakeSchema.DeviceId, devices);
        await group.WriteAsync(LakeSchema.Source, sources);
        await group.WriteAsync(LakeSchema.Vital, vitals);
        await group.WriteAsync<DateTime>(LakeSchema.Time, times, cancellationToken: cancellationToken);
        await group.WriteAsync<int>(LakeSchema.OffsetMinutes, offsets, cancellationToken: cancellationToken);
        await group.WriteAsync<DateTime>(LakeSchema.EndTime, ends, cancellationToken: cancellationToken);
        await group.WriteAsync<double>(LakeSchema.Value, values, cancellationToken: cancellationToken);
        await group.WriteAsync<double>(LakeSchema.Value2, values2, cancellationToken: cancellationToken);
        await group.WriteAllPartsAsync<double>(
            LakeSchema.SeriesElement, seriesValues.ToArray(), seriesDefinitions.ToArray(), seriesRepetitions.ToArray(), cancellationToken);
        await group.WriteAsync<int>(LakeSchema.Qualifier, qualifiers, cancellationToken: cancellationToken);
        await group.WriteAsync<DateTime>(LakeSchema.IngestedAt, ingested, cancellationToken: cancellationToken);
        group.CompleteValidate();
    }

    // Dremel levels of an optional list of required doubles: definition 0 = null list, 1 = empty list, 2 = a value;
    // repetition 0 starts a row, 1 continues its list. A sample without series is a null list.
    private static void AddSeries(System.Collections.Immutable.ImmutableArray<double> series, List<double> values, List<int> definitions, List<int> repetitions)
    {
        if (series.IsDefaultOrEmpty)
        {
            definitions.Add(0);
            repetitions.Add(0);
            return;
        }

        for (var i = 0; i < series.Length; i++)
        {
            values.Add(series[i]);
            definitions.Add(2);
            repetitions.Add(i == 0 ? 0 : 1);
        }
    }
}
