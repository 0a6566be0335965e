using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Writing;

namespace Wearables.Twins.History.Maintenance;

/// <summary>
/// Merges a partition's small files into one daily file, one row per sample identity, sorted by patient and time.
/// Crash-safe by ordering: the new file is complete before any input is deleted; if the process dies in between,
/// readers see the daily file and some inputs, and deduplication counts each sample once; the next pass merges
/// them again. The daily file's name comes from its content, so a re-run writes the same key.
/// </summary>
/// <remarks>One partition is held in memory while it is merged (all rows of one vital on one UTC day).</remarks>
public sealed partial class LakeCompactor(
    LakeFiles files, LakeGate gate, IOptions<HistoryOptions> options, TimeProvider time, ILogger<LakeCompactor> logger)
{
    /// <summary>Compacts every partition that qualifies: a closed day with several files, or today with very many.</summary>
    public async Task<CompactionReport> CompactAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Maintenance;
        var today = LakePaths.UtcDate(time.GetUtcNow());
        var byPartition = new Dictionary<LakePartition, int>();
        await foreach (var item in files.Store.ListAsync(LakePaths.TablePrefix, cancellationToken))
        {
            if (LakePaths.TryParse(item.Key, out var partition))
            {
                byPartition[partition] = byPartition.GetValueOrDefault(partition) + 1;
            }
        }

        var report = new CompactionReport(0, 0, 0, 0);
        foreach (var (partition, count) in byPartition.OrderBy(p => p.Key.Date).ThenBy(p => p.Key.Vital, StringComparer.Ordinal))
        {
            var due = partition.Date < today ? count >= settings.MinFilesPerDay : count >= settings.MaxFilesToday;
            if (due)
            {
                var one = await CompactPartitionAsync(partition, cancellationToken);
                report = new CompactionReport(
                    report.Partitions + one.Partitions, report.FilesMerged + one.FilesMerged,
                    report.RowsWritten + one.RowsWritten, report.DuplicatesDropped + one.DuplicatesDropped);
            }
        }

        return report;
    }

    /// <summary>Merges one partition's files into one daily file, whatever their number.</summary>
    public async Task<CompactionReport> CompactPartitionAsync(LakePartition partition, CancellationToken cancellationToken)
    {
        // One partition per turn of the gate, so flushes are held up by one merge at most.
        using var entered = await gate.EnterAsync(cancellationToken);
        var inputs = await files.ListAsync([partition.Prefix], cancellationToken);
        if (inputs.Count < 2)
        {
            return new CompactionReport(0, 0, 0, 0);
        }

        await using var connection = await DuckDbLake.OpenAsync(options.Value.Sql.Threads, cancellationToken);
        long total;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT count(*) FROM {DuckDbLake.ReadParquet(inputs.Select(f => f.LocalPath))}";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {DuckDbLake.AllColumns} FROM {DuckDbLake.ReadParquet(inputs.Select(f => f.LocalPath))}
            {DuckDbLake.Deduplicate}
            ORDER BY patient_id, time, end_time NULLS FIRST
            """;
        var rows = await DuckDbLake.ReadRowsAsync(command, cancellationToken);
        string? output = null;
        if (rows.Count > 0)
        {
            output = partition.Prefix + LakeFileNames.DailyName(partition.Date, rows);
            await HistoryWriter.PutFileAsync(files.Store, output, rows, options.Value.Writer.RowGroupRows, LakeFileKind.Archive, cancellationToken);
        }

        foreach (var input in inputs.Where(i => !string.Equals(i.Key, output, StringComparison.Ordinal)))
        {
            await files.Store.DeleteAsync(input.Key, cancellationToken);
            files.Evict(input.Key);
        }

        LogCompacted(logger, partition.Vital, partition.Date, inputs.Count, rows.Count);
        return new CompactionReport(1, inputs.Count, rows.Count, total - rows.Count);
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Compacted {Vital} {Date}: {Files} files into one of {Rows} rows.")]
    private static partial void LogCompacted(ILogger logger, string vital, DateOnly date, int files, int rows);
}
