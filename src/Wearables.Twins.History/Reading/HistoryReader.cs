using DuckDB.NET.Data;
using Wearables.Twins.History.Schema;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Reading;

/// <summary>
/// Range and aggregate queries of one patient's vital, for the API to merge with the twin's recent window. Only
/// the partitions (UTC days) the range touches are listed and read; copies of the same sample (redelivery, a
/// compaction interrupted before it deleted its inputs) are counted once. Ranges are half-open: [from, to).
/// </summary>
public sealed class HistoryReader(LakeFiles files)
{
    private const int Threads = 2;

    /// <summary>
    /// The samples in [from, to), oldest first, each stored sample once, with the offset the device reported and its
    /// <see cref="VitalSample.Source"/>. Two devices' reports of one instant are both returned (history keeps every
    /// source; the caller applies source priority as the twin does).
    /// </summary>
    public async Task<IReadOnlyList<VitalSample>> ReadAsync(
        string patientId, VitalType vital, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var lakeFiles = await FilesAsync(patientId, vital, from, to, cancellationToken);
        if (lakeFiles.Count == 0)
        {
            return [];
        }

        await using var connection = await DuckDbLake.OpenAsync(Threads, cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT time, offset_minutes, end_time, value, value2, series, qualifier, source
            FROM {DuckDbLake.ReadParquet(lakeFiles.Select(f => f.LocalPath))}
            WHERE patient_id = $patient AND vital = $vital AND time >= CAST($from AS TIMESTAMPTZ) AND time < CAST($to AS TIMESTAMPTZ)
            {Deduplicate(lakeFiles)}
            ORDER BY time, end_time NULLS FIRST
            """;
        AddRange(command, patientId, vital, from, to);
        var samples = new List<VitalSample>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add(DuckDbLake.ToSample(
                vital, reader.GetString(7), reader.GetDateTime(0), reader.GetInt32(1), reader.IsDBNull(2) ? DBNull.Value : reader.GetDateTime(2),
                reader.GetDouble(3), reader.IsDBNull(4) ? DBNull.Value : reader.GetDouble(4), reader.IsDBNull(5) ? DBNull.Value : reader.GetValue(5), reader.GetInt32(6)));
        }

        return samples;
    }

    /// <summary>Count, min, max, mean, p50 and p95 of <c>value</c> per UTC-aligned bucket in [from, to); empty buckets are absent.</summary>
    /// <remarks>Buckets over the UTC wall clock (a zone-less timestamp): bucketing TIMESTAMPTZ by days goes through ICU per row, ~15× slower.</remarks>
    public async Task<IReadOnlyList<HistoryBucket>> AggregateAsync(
        string patientId, VitalType vital, DateTimeOffset from, DateTimeOffset to, HistoryResolution resolution,
        CancellationToken cancellationToken = default)
    {
        var lakeFiles = await FilesAsync(patientId, vital, from, to, cancellationToken);
        if (lakeFiles.Count == 0)
        {
            return [];
        }

        await using var connection = await DuckDbLake.OpenAsync(Threads, cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH samples AS (
                SELECT time, value FROM {DuckDbLake.ReadParquet(lakeFiles.Select(f => f.LocalPath))}
                WHERE patient_id = $patient AND vital = $vital AND time >= CAST($from AS TIMESTAMPTZ) AND time < CAST($to AS TIMESTAMPTZ)
                {Deduplicate(lakeFiles)})
            SELECT time_bucket({resolution.Interval()}, CAST(time AS TIMESTAMP)) AS bucket,
                   count(*), min(value), max(value), avg(value),
                   quantile_cont(value, 0.5), quantile_cont(value, 0.95)
            FROM samples GROUP BY bucket ORDER BY bucket
            """;
        AddRange(command, patientId, vital, from, to);
        var buckets = new List<HistoryBucket>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new HistoryBucket(
                new DateTimeOffset(DuckDbLake.Utc(reader.GetValue(0))), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6)));
        }

        return buckets;
    }

    private async Task<IReadOnlyList<LakeFile>> FilesAsync(
        string patientId, VitalType vital, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        if (to <= from)
        {
            return [];
        }

        // Partition pruning: a sample lives under the UTC date of its start, so only these days can hold the range.
        var code = vital.Code;
        var first = LakePaths.UtcDate(from);
        var last = LakePaths.UtcDate(to.AddTicks(-1));
        var prefixes = new List<string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            prefixes.Add(LakePaths.PartitionPrefix(code, day));
        }

        return await files.ListAsync(prefixes, cancellationToken);
    }

    // Every file is unique within itself (flushes and compactions drop copies) and a sample lives in one partition, so
    // copies can only exist where a partition has several files; a range over compacted days skips the window.
    private static string Deduplicate(IReadOnlyList<LakeFile> lakeFiles)
        => lakeFiles.GroupBy(f => f.Key[..f.Key.LastIndexOf('/')], StringComparer.Ordinal).Any(g => g.Count() > 1)
            ? DuckDbLake.Deduplicate
            : string.Empty;

    private static void AddRange(DuckDBCommand command, string patientId, VitalType vital, DateTimeOffset from, DateTimeOffset to)
    {
        command.Parameters.Add(new DuckDBParameter("patient", patientId));
        command.Parameters.Add(new DuckDBParameter("vital", vital.Code));
        // As text with an explicit UTC offset: a DateTime parameter binds as a zone-less TIMESTAMP.
        command.Parameters.Add(new DuckDBParameter("from", DuckDbLake.TimestampText(from)));
        command.Parameters.Add(new DuckDBParameter("to", DuckDbLake.TimestampText(to)));
    }
}
