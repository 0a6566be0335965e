using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Messaging.Consuming;

/// <summary>
/// Processed ids in a local SQLite file (WAL), bounded per consumer: every 1,000 additions the oldest ids
/// beyond <see cref="ProcessedMessageStoreOptions.MaxIdsPerConsumer"/> are deleted.
/// </summary>
public sealed class SqliteProcessedMessageStore : IProcessedMessageStore, IDisposable
{
    private const int TrimEvery = 1000;
    private readonly ProcessedMessageStoreOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private int _sinceTrim;

    public SqliteProcessedMessageStore(IOptions<ProcessedMessageStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    public async ValueTask<bool> ContainsAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
        => await RunAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM processed WHERE consumer = $c AND message_id = $m;";
            command.Parameters.AddWithValue("$c", consumer);
            command.Parameters.AddWithValue("$m", messageId);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    public async ValueTask AddAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
        => await RunAsync(connection =>
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "INSERT OR IGNORE INTO processed (consumer, message_id) VALUES ($c, $m);";
                command.Parameters.AddWithValue("$c", consumer);
                command.Parameters.AddWithValue("$m", messageId);
                command.ExecuteNonQuery();
            }

            if (++_sinceTrim >= TrimEvery)
            {
                _sinceTrim = 0;
                using var trim = connection.CreateCommand();
                trim.CommandText = """
                    DELETE FROM processed WHERE consumer = $c AND seq IN (
                        SELECT seq FROM processed WHERE consumer = $c ORDER BY seq DESC LIMIT -1 OFFSET $keep);
                    """;
                trim.Parameters.AddWithValue("$c", consumer);
                trim.Parameters.AddWithValue("$keep", _options.MaxIdsPerConsumer);
                trim.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => work(_connection ??= Open()), CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_options.DatabasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _options.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS processed (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                consumer   TEXT NOT NULL,
                message_id TEXT NOT NULL,
                UNIQUE (consumer, message_id)
            );
            """;
        command.ExecuteNonQuery();
        return connection;
    }
}
