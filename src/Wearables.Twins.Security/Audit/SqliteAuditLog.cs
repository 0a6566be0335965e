using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Security.Audit;

/// <summary>
/// The audit log in a SQLite file under the data directory (WAL, synchronous FULL). Appends are group-committed: one
/// writer drains whatever requests are waiting into one transaction, so durability costs one fsync per batch, not per request.
/// </summary>
public sealed partial class SqliteAuditLog : IAuditLog, IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly string _connectionString;
    private readonly ILogger<SqliteAuditLog> _logger;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public SqliteAuditLog(string databasePath, ILogger<SqliteAuditLog> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        _logger = logger;
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS audit (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at_ms INTEGER NOT NULL, subject TEXT NOT NULL, role TEXT, action TEXT NOT NULL,
                    patient_id TEXT, target TEXT, status INTEGER NOT NULL, remote TEXT, reason TEXT);
                CREATE INDEX IF NOT EXISTS audit_patient ON audit (patient_id, at_ms);
                CREATE INDEX IF NOT EXISTS audit_subject ON audit (subject, at_ms);
                CREATE INDEX IF NOT EXISTS audit_at ON audit (at_ms);
                """);
        }

        _writer = Task.Run(WriteLoopAsync);
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteAuditLog), "The audit log is shutting down.");
        }

        return pending.Durable.Task.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.PatientId is { } patient)
        {
            where.Add("patient_id = $patient");
            command.Parameters.AddWithValue("$patient", patient);
        }

        if (query.Subject is { } subject)
        {
            where.Add("subject = $subject");
            command.Parameters.AddWithValue("$subject", subject);
        }

        if (query.From is { } from)
        {
            where.Add("at_ms >= $from");
            command.Parameters.AddWithValue("$from", from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            where.Add("at_ms < $to");
            command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        }

        command.CommandText = "SELECT at_ms, subject, role, action, patient_id, target, status, remote, reason FROM audit"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY seq DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", query.Limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1), NullableString(reader, 2), reader.GetString(3),
                NullableString(reader, 4), NullableString(reader, 5), reader.GetInt32(6), NullableString(reader, 7), NullableString(reader, 8)));
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                WriteBatch(batch);
                foreach (var pending in batch)
                {
                    pending.Durable.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                // Whatever went wrong fails these requests, never the writer: later appends must not wait forever.
                LogAuditWriteFailed(_logger, ex, batch.Count);
                foreach (var pending in batch)
                {
                    pending.Durable.TrySetException(ex);
                }
            }
        }
    }

    private void WriteBatch(List<Pending> batch)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit (at_ms, subject, role, action, patient_id, target, status, remote, reason)
            VALUES ($at, $subject, $role, $action, $patient, $target, $status, $remote, $reason)
            """;
        var at = command.Parameters.Add("$at", SqliteType.Integer);
        var subject = command.Parameters.Add("$subject", SqliteType.Text);
        var role = command.Parameters.Add("$role", SqliteType.Text);
        var action = command.Parameters.Add("$action", SqliteType.Text);
        var patient = command.Parameters.Add("$patient", SqliteType.Text);
        var target = command.Parameters.Add("$target", SqliteType.Text);
        var status = command.Parameters.Add("$status", SqliteType.Integer);
        var remote = command.Parameters.Add("$remote", SqliteType.Text);
        var reason = command.Parameters.Add("$reason", SqliteType.Text);
        foreach (var (entry, _) in batch)
        {
            at.Value = entry.At.ToUnixTimeMilliseconds();
            subject.Value = entry.Subject;
            role.Value = (object?)entry.Role ?? DBNull.Value;
            action.Value = entry.Action;
            patient.Value = (object?)entry.PatientId ?? DBNull.Value;
            target.Value = (object?)entry.Target ?? DBNull.Value;
            status.Value = entry.Status;
            remote.Value = (object?)entry.RemoteAddress ?? DBNull.Value;
            reason.Value = (object?)entry.Reason ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private readonly record struct Pending(AuditEntry Entry, TaskCompletionSource Durable);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Could not write {Count} audit entries; their requests fail")]
    private static partial void LogAuditWriteFailed(ILogger logger, Exception exception, int count);
}
