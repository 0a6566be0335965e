using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// The reminders database of one service: the connection, the schema and one prepared command per operation. Used only
/// by the <see cref="SqliteReminderWorker"/> thread. Each write is a single auto-committed statement, durable when it
/// returns (WAL with <c>synchronous = FULL</c>).
/// </summary>
internal sealed class SqliteReminderStatements : IDisposable
{
    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS reminders (
            service_id     TEXT    NOT NULL,
            grain_id       TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            grain_hash     INTEGER NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ticks   INTEGER NOT NULL,
            etag           TEXT    NOT NULL,
            modified_utc   TEXT    NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        ) WITHOUT ROWID
        """;

    // Range reads of the hash ring are index range scans instead of full scans.
    private const string CreateHashIndexSql = "CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash)";

    private const string Columns = "grain_id, reminder_name, start_at_ticks, period_ticks, etag";

    private const string SelectGrainSql =
        $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id";

    private const string SelectRowSql =
        $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name";

    // (begin, end] when begin < end.
    private const string SelectRangeSql =
        $"SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_hash > $begin AND grain_hash <= $end";

    // (begin, max] and [0, end] when begin >= end: two index ranges, disjoint, so no row comes twice.
    private const string SelectWrappedRangeSql = $"""
        SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_hash > $begin
        UNION ALL
        SELECT {Columns} FROM reminders WHERE service_id = $service_id AND grain_hash <= $end
        """;

    private const string UpsertSql = """
        INSERT INTO reminders (service_id, grain_id, reminder_name, grain_hash, start_at_ticks, period_ticks, etag, modified_utc)
        VALUES ($service_id, $grain_id, $reminder_name, $grain_hash, $start_at_ticks, $period_ticks, $etag, $modified_utc)
        ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
            grain_hash = excluded.grain_hash,
            start_at_ticks = excluded.start_at_ticks,
            period_ticks = excluded.period_ticks,
            etag = excluded.etag,
            modified_utc = excluded.modified_utc
        """;

    private const string DeleteSql =
        "DELETE FROM reminders WHERE service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name AND etag = $etag";

    private const string ClearSql = "DELETE FROM reminders WHERE service_id = $service_id";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _selectGrain;
    private readonly SqliteCommand _selectRow;
    private readonly SqliteCommand _selectRange;
    private readonly SqliteCommand _selectWrappedRange;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _clear;

    private SqliteReminderStatements(SqliteConnection connection, string serviceId, string journalMode)
    {
        _connection = connection;
        JournalMode = journalMode;
        _selectGrain = Prepare(SelectGrainSql, serviceId, "$grain_id");
        _selectRow = Prepare(SelectRowSql, serviceId, "$grain_id", "$reminder_name");
        _selectRange = Prepare(SelectRangeSql, serviceId, "$begin", "$end");
        _selectWrappedRange = Prepare(SelectWrappedRangeSql, serviceId, "$begin", "$end");
        _upsert = Prepare(UpsertSql, serviceId, "$grain_id", "$reminder_name", "$grain_hash", "$start_at_ticks", "$period_ticks", "$etag", "$modified_utc");
        _delete = Prepare(DeleteSql, serviceId, "$grain_id", "$reminder_name", "$etag");
        _clear = Prepare(ClearSql, serviceId);
    }

    /// <summary>The journal mode SQLite reports; <c>wal</c> unless the file system refused it.</summary>
    public string JournalMode { get; }

    /// <summary>Creates the directory and the file if missing, switches to WAL and creates the schema.</summary>
    public static SqliteReminderStatements Open(string databasePath, string serviceId, TimeSpan busyTimeout)
    {
        if (Path.GetDirectoryName(databasePath) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // One long-lived connection; without pooling, closing it really closes the file (and checkpoints the WAL).
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}"));
            var journalMode = Scalar(connection, "PRAGMA journal_mode = WAL") as string ?? "unknown";
            // FULL: a write is on disk before the reminder service is told it succeeded.
            Execute(connection, "PRAGMA synchronous = FULL");
            Execute(connection, CreateTableSql);
            Execute(connection, CreateHashIndexSql);
            return new SqliteReminderStatements(connection, serviceId, journalMode);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public List<ReminderEntry> ReadGrain(GrainId grainId)
    {
        _selectGrain.Parameters["$grain_id"].Value = grainId.ToString();
        return ReadEntries(_selectGrain);
    }

    public ReminderEntry? ReadRow(GrainId grainId, string reminderName)
    {
        _selectRow.Parameters["$grain_id"].Value = grainId.ToString();
        _selectRow.Parameters["$reminder_name"].Value = reminderName;
        using var reader = _selectRow.ExecuteReader();
        return reader.Read() ? ToEntry(reader) : null;
    }

    /// <summary>Rows whose grain hash is in (begin, end], or, when begin &gt;= end, in (begin, max] ∪ [0, end].</summary>
    public List<ReminderEntry> ReadRange(uint begin, uint end)
    {
        var command = begin < end ? _selectRange : _selectWrappedRange;
        command.Parameters["$begin"].Value = (long)begin;
        command.Parameters["$end"].Value = (long)end;
        return ReadEntries(command);
    }

    public void Upsert(ReminderEntry entry, string eTag)
    {
        _upsert.Parameters["$grain_id"].Value = entry.GrainId.ToString();
        _upsert.Parameters["$reminder_name"].Value = entry.ReminderName;
        _upsert.Parameters["$grain_hash"].Value = (long)entry.GrainId.GetUniformHashCode();
        _upsert.Parameters["$start_at_ticks"].Value = SqliteReminderTable.ToUtc(entry.StartAt).Ticks;
        _upsert.Parameters["$period_ticks"].Value = entry.Period.Ticks;
        _upsert.Parameters["$etag"].Value = eTag;
        _upsert.Parameters["$modified_utc"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        _upsert.ExecuteNonQuery();
    }

    /// <summary>Deletes the row only if its ETag is <paramref name="eTag"/>; true when a row was deleted.</summary>
    public bool Remove(GrainId grainId, string reminderName, string eTag)
    {
        _delete.Parameters["$grain_id"].Value = grainId.ToString();
        _delete.Parameters["$reminder_name"].Value = reminderName;
        _delete.Parameters["$etag"].Value = eTag;
        return _delete.ExecuteNonQuery() == 1;
    }

    /// <summary>Deletes every row of the service; returns how many.</summary>
    public int Clear() => _clear.ExecuteNonQuery();

    public void Dispose()
    {
        _selectGrain.Dispose();
        _selectRow.Dispose();
        _selectRange.Dispose();
        _selectWrappedRange.Dispose();
        _upsert.Dispose();
        _delete.Dispose();
        _clear.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, string serviceId, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service_id", serviceId);
        foreach (var parameter in parameters)
        {
            // No declared type: each value binds as what it is (text, or integer for hashes and ticks).
            command.Parameters.AddWithValue(parameter, DBNull.Value);
        }

        return command;
    }

    private static List<ReminderEntry> ReadEntries(SqliteCommand command)
    {
        var entries = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(ToEntry(reader));
        }

        return entries;
    }

    private static ReminderEntry ToEntry(SqliteDataReader reader) => new()
    {
        GrainId = GrainId.Parse(reader.GetString(0)),
        ReminderName = reader.GetString(1),
        StartAt = new DateTime(reader.GetInt64(2), DateTimeKind.Utc),
        Period = TimeSpan.FromTicks(reader.GetInt64(3)),
        ETag = reader.GetString(4),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
