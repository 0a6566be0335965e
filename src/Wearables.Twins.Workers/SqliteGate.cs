using Microsoft.Data.Sqlite;

namespace Wearables.Twins.Workers;

/// <summary>
/// One SQLite connection (WAL, synchronous FULL) opened on first use, with its schema; work runs on the thread
/// pool one call at a time, because Microsoft.Data.Sqlite's async methods are synchronous underneath.
/// </summary>
internal sealed class SqliteGate : IDisposable
{
    private readonly string _path;
    private readonly string _schema;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;

    public SqliteGate(string path, string schema)
    {
        _path = path;
        _schema = schema;
    }

    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
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

    public void Dispose()
    {
        _connection?.Dispose();
        _gate.Dispose();
    }

    private SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + _schema;
        command.ExecuteNonQuery();
        return connection;
    }
}
