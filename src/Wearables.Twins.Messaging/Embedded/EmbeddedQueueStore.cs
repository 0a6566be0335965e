using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Wearables.Twins.Messaging.Embedded;

/// <summary>
/// The SQL behind the embedded transport. Every queue shares one table; a dead letter is a row with
/// <c>dead_ms</c> set. All methods are synchronous and must be called under the transport's gate (one
/// connection, one writer); other processes sharing the file are serialized by SQLite's own locking.
/// </summary>
internal sealed class EmbeddedQueueStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS queues (
            name          TEXT PRIMARY KEY,
            kinds         TEXT NOT NULL,   -- JSON array; [] = every kind
            severities    TEXT NOT NULL,   -- JSON array; [] = every severity
            visibility_ms INTEGER NOT NULL,
            max_receive   INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS messages (
            seq           INTEGER PRIMARY KEY AUTOINCREMENT,
            queue         TEXT NOT NULL,
            message_id    TEXT NOT NULL,
            kind          TEXT NOT NULL,
            severity      TEXT NOT NULL,
            body          TEXT NOT NULL,
            enqueued_ms   INTEGER NOT NULL,
            visible_ms    INTEGER NOT NULL,
            receive_count INTEGER NOT NULL DEFAULT 0,
            receipt       TEXT,
            dead_ms       INTEGER
        );
        CREATE INDEX IF NOT EXISTS ix_messages_ready ON messages(queue, visible_ms, seq) WHERE dead_ms IS NULL;
        CREATE INDEX IF NOT EXISTS ix_messages_dead ON messages(queue, dead_ms) WHERE dead_ms IS NOT NULL;
        """;

    private readonly SqliteConnection _connection;
    private readonly EmbeddedMessagingOptions _options;

    public EmbeddedQueueStore(EmbeddedMessagingOptions options)
    {
        _options = options;
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString());
        _connection.Open();
        Execute($"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
        Execute(Schema);
    }

    public string JournalMode => (string)Scalar("PRAGMA journal_mode;")!;

    public void UpsertQueue(QueueSubscription subscription)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO queues (name, kinds, severities, visibility_ms, max_receive) VALUES ($name, $kinds, $severities, $visibility, $max)
            ON CONFLICT(name) DO UPDATE SET kinds = $kinds, severities = $severities, visibility_ms = $visibility, max_receive = $max;
            """;
        command.Parameters.AddWithValue("$name", subscription.Queue);
        command.Parameters.AddWithValue("$kinds", JsonSerializer.Serialize(subscription.Kinds, MessagingJsonContext.Default.IReadOnlyListString));
        command.Parameters.AddWithValue("$severities", JsonSerializer.Serialize(subscription.Severities, MessagingJsonContext.Default.IReadOnlyListString));
        command.Parameters.AddWithValue("$visibility", (long)subscription.VisibilityTimeout.TotalMilliseconds);
        command.Parameters.AddWithValue("$max", subscription.MaxReceiveCount);
        command.ExecuteNonQuery();
    }

    public QueueSubscription? FindQueue(string name)
    {
        foreach (var queue in Queues())
        {
            if (queue.Queue == name)
            {
                return queue;
            }
        }

        return null;
    }

    /// <summary>Writes a copy of the message into every matching queue in one transaction; returns the queues that got it.</summary>
    public IReadOnlyList<string> Publish(OutgoingMessage message, long nowMs)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var targets = new List<string>();
        foreach (var queue in Queues(transaction))
        {
            if (!queue.Matches(message.Kind, message.Severity))
            {
                continue;
            }

            var depth = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM messages WHERE queue = $q AND dead_ms IS NULL;", transaction, ("$q", queue.Queue)), CultureInfo.InvariantCulture);
            if (depth >= _options.MaxQueueDepth)
            {
                throw new MessageQueueFullException(string.Create(CultureInfo.InvariantCulture,
                    $"Queue '{queue.Queue}' holds {depth} messages, its bound (Twins:Messaging:Embedded:MaxQueueDepth); message {message.MessageId} was not published."));
            }

            targets.Add(queue.Queue);
        }

        foreach (var queue in targets)
        {
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO messages (queue, message_id, kind, severity, body, enqueued_ms, visible_ms)
                VALUES ($q, $id, $kind, $severity, $body, $now, $now);
                """;
            insert.Parameters.AddWithValue("$q", queue);
            insert.Parameters.AddWithValue("$id", message.MessageId);
            insert.Parameters.AddWithValue("$kind", message.Kind);
            insert.Parameters.AddWithValue("$severity", message.Severity);
            insert.Parameters.AddWithValue("$body", message.Body);
            insert.Parameters.AddWithValue("$now", nowMs);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return targets;
    }

    /// <summary>
    /// Receives up to <paramref name="max"/> ready messages. Ready messages that already used up their receives
    /// move to the dead-letter queue first (SQS does the same on the receive that would exceed the count).
    /// </summary>
    public ReceiveResult Receive(QueueSubscription queue, int max, long nowMs)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var deadLettered = Execute(
            "UPDATE messages SET dead_ms = $now, receipt = NULL WHERE queue = $q AND dead_ms IS NULL AND visible_ms <= $now AND receive_count >= $max;",
            transaction, ("$now", nowMs), ("$q", queue.Queue), ("$max", queue.MaxReceiveCount));
        var trimmed = deadLettered > 0 ? TrimDeadLetters(queue.Queue, nowMs, transaction) : 0;

        var received = new List<ReceivedMessage>(max);
        using (var select = _connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT seq, message_id, kind, severity, body, receive_count FROM messages
                WHERE queue = $q AND dead_ms IS NULL AND visible_ms <= $now ORDER BY visible_ms, seq LIMIT $n;
                """;
            select.Parameters.AddWithValue("$q", queue.Queue);
            select.Parameters.AddWithValue("$now", nowMs);
            select.Parameters.AddWithValue("$n", max);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var seq = reader.GetInt64(0);
                var receipt = string.Create(CultureInfo.InvariantCulture, $"{seq}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");
                received.Add(new ReceivedMessage(queue.Queue, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5) + 1, receipt));
            }
        }

        var hideUntil = nowMs + (long)queue.VisibilityTimeout.TotalMilliseconds;
        foreach (var message in received)
        {
            Execute("UPDATE messages SET receive_count = receive_count + 1, visible_ms = $until, receipt = $r WHERE seq = $seq;",
                transaction, ("$until", hideUntil), ("$r", message.ReceiptHandle), ("$seq", SeqOf(message.ReceiptHandle)));
        }

        transaction.Commit();
        return new ReceiveResult(received, deadLettered, trimmed);
    }

    /// <summary>The earliest time (unix ms) a live message of the queue becomes visible, or null when it is empty.</summary>
    public long? NextVisibleMs(string queue)
        => Scalar("SELECT MIN(visible_ms) FROM messages WHERE queue = $q AND dead_ms IS NULL;", null, ("$q", queue)) is long ms ? ms : null;

    public bool Delete(string receipt)
        => Execute("DELETE FROM messages WHERE seq = $seq AND receipt = $r AND dead_ms IS NULL;", null, ("$seq", SeqOf(receipt)), ("$r", receipt)) > 0;

    public bool Release(string receipt, long visibleMs)
        => Execute("UPDATE messages SET visible_ms = $v WHERE seq = $seq AND receipt = $r AND dead_ms IS NULL;", null,
            ("$v", visibleMs), ("$seq", SeqOf(receipt)), ("$r", receipt)) > 0;

    public IReadOnlyList<DeadLetter> PeekDeadLetters(string queue, int max)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT message_id, kind, severity, body, receive_count FROM messages WHERE queue = $q AND dead_ms IS NOT NULL ORDER BY seq LIMIT $n;";
        select.Parameters.AddWithValue("$q", queue);
        select.Parameters.AddWithValue("$n", max);
        using var reader = select.ExecuteReader();
        var letters = new List<DeadLetter>();
        while (reader.Read())
        {
            letters.Add(new DeadLetter(queue, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
        }

        return letters;
    }

    public int Redrive(string queue, long nowMs)
        => Execute("UPDATE messages SET dead_ms = NULL, receive_count = 0, receipt = NULL, visible_ms = $now WHERE queue = $q AND dead_ms IS NOT NULL;",
            null, ("$now", nowMs), ("$q", queue));

    public void Dispose() => _connection.Dispose();

    private int TrimDeadLetters(string queue, long nowMs, SqliteTransaction transaction)
    {
        var expired = Execute("DELETE FROM messages WHERE queue = $q AND dead_ms IS NOT NULL AND dead_ms < $cutoff;", transaction,
            ("$q", queue), ("$cutoff", nowMs - (long)_options.DeadLetterRetention.TotalMilliseconds));
        var overflow = Execute("""
            DELETE FROM messages WHERE seq IN (
                SELECT seq FROM messages WHERE queue = $q AND dead_ms IS NOT NULL ORDER BY seq DESC LIMIT -1 OFFSET $keep);
            """, transaction, ("$q", queue), ("$keep", _options.MaxDeadLetters));
        return expired + overflow;
    }

    private List<QueueSubscription> Queues(SqliteTransaction? transaction = null)
    {
        using var select = _connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT name, kinds, severities, visibility_ms, max_receive FROM queues;";
        using var reader = select.ExecuteReader();
        var queues = new List<QueueSubscription>();
        while (reader.Read())
        {
            queues.Add(new QueueSubscription(reader.GetString(0))
            {
                Kinds = JsonSerializer.Deserialize(reader.GetString(1), MessagingJsonContext.Default.IReadOnlyListString) ?? [],
                Severities = JsonSerializer.Deserialize(reader.GetString(2), MessagingJsonContext.Default.IReadOnlyListString) ?? [],
                VisibilityTimeout = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                MaxReceiveCount = reader.GetInt32(4),
            });
        }

        return queues;
    }

    private static long SeqOf(string receipt)
    {
        var colon = receipt.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(receipt.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : throw new ArgumentException($"'{receipt}' is not a receipt handle of the embedded transport.", nameof(receipt));
    }

    private int Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }
}
