using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Reading;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Writing;

namespace Wearables.Twins.History.Maintenance;

/// <summary>
/// Right to erasure: removes one patient from every lake file and from the write buffer. Each file that holds the
/// patient is rewritten without them (new file first, then the old one deleted) or deleted when nothing else is in
/// it. Holds the lake gate throughout, so no flush or compaction writes the patient back meanwhile. On S3 every
/// object is read once through the local mirror; cached copies of replaced objects are removed too.
/// </summary>
public sealed partial class LakeEraser(
    LakeFiles files, LakeGate gate, HistoryWriter writer, IOptions<HistoryOptions> options, TimeProvider time, ILogger<LakeEraser> logger)
{
    public async Task<ErasureReceipt> EraseAsync(string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        using var entered = await gate.EnterAsync(cancellationToken);
        var buffered = writer.RemovePatient(patientId);
        var rewritten = new List<string>();
        var removed = new List<string>();
        var rowsByVital = new Dictionary<string, long>(StringComparer.Ordinal);
        var all = await files.ListAsync([LakePaths.TablePrefix], cancellationToken);
        if (all.Count > 0)
        {
            await using var connection = await DuckDbLake.OpenAsync(options.Value.Sql.Threads, cancellationToken);
            var affected = await FindAsync(connection, all, patientId, rowsByVital, cancellationToken);
            foreach (var file in affected)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT {DuckDbLake.AllColumns} FROM {DuckDbLake.ReadParquet([file.LocalPath])}
                    WHERE patient_id <> $patient ORDER BY patient_id, time, end_time NULLS FIRST
                    """;
                command.Parameters.Add(new DuckDBParameter("patient", patientId));
                var kept = await DuckDbLake.ReadRowsAsync(command, cancellationToken);
                if (kept.Count > 0)
                {
                    var key = file.Key[..(file.Key.LastIndexOf('/') + 1)] + LakeFileNames.Name(LakeFileNames.ErasedPrefix, kept);
                    await HistoryWriter.PutFileAsync(files.Store, key, kept, options.Value.Writer.RowGroupRows, LakeFileKind.Archive, cancellationToken);
                    rewritten.Add(file.Key);
                }
                else
                {
                    removed.Add(file.Key);
                }

                await files.Store.DeleteAsync(file.Key, cancellationToken);
                files.Evict(file.Key);
            }
        }

        var receipt = new ErasureReceipt(patientId, files.Store.Description, rewritten, removed, rowsByVital, buffered, time.GetUtcNow());
        LogErased(logger, rewritten.Count, removed.Count, receipt.RowsRemoved, receipt.Store);
        return receipt;
    }

    private static async Task<List<LakeFile>> FindAsync(
        DuckDBConnection connection, IReadOnlyList<LakeFile> all, string patientId, Dictionary<string, long> rowsByVital,
        CancellationToken cancellationToken)
    {
        var byPath = all.ToDictionary(f => f.LocalPath, StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT filename, vital, count(*) FROM {DuckDbLake.ReadParquet(all.Select(f => f.LocalPath), withFileName: true)}
            WHERE patient_id = $patient GROUP BY filename, vital
            """;
        command.Parameters.Add(new DuckDBParameter("patient", patientId));
        var affected = new Dictionary<string, LakeFile>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var path = reader.GetString(0);
            var vital = reader.GetString(1);
            rowsByVital[vital] = rowsByVital.GetValueOrDefault(vital) + reader.GetInt64(2);
            if (byPath.TryGetValue(path, out var file))
            {
                affected[path] = file;
            }
        }

        return [.. affected.Values];
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Information, Message = "Erasure: {Rewritten} files rewritten, {Removed} removed, {Rows} rows gone from {Store}.")]
    private static partial void LogErased(ILogger logger, int rewritten, int removed, long rows, string store);
}
