using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Owns the SQLite connection and the one thread that uses it. Callers queue <see cref="StoreRequest"/>s; the worker
/// takes everything queued at that moment (up to the batch size), serves the reads, applies the writes and clears in
/// one transaction (group commit) with a per-statement ETag check, commits once, and only then completes each
/// request with its own result.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite's async methods run synchronously, so no SQLite call is made on a caller's (grain's) thread.
/// </remarks>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The connection and its commands belong to the worker thread, which disposes them when it exits (see StopAsync).")]
internal sealed class SqliteStateStore
{
    private const int Created = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type   TEXT NOT NULL,
            grain_id     TEXT NOT NULL,
            state        BLOB,
            etag         TEXT NOT NULL,
            modified_utc TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id)
        )
        """;

    private const string SelectSql = "SELECT state, etag FROM grain_state WHERE grain_type = $grain_type AND grain_id = $grain_id";
    private const string SelectETagSql = "SELECT etag FROM grain_state WHERE grain_type = $grain_type AND grain_id = $grain_id";
    private const string InsertSql = """
        INSERT INTO grain_state (grain_type, grain_id, state, etag, modified_utc)
        VALUES ($grain_type, $grain_id, $state, $etag, $modified_utc)
        ON CONFLICT (grain_type, grain_id) DO NOTHING
        """;
    private const string UpdateSql = """
        UPDATE grain_state SET state = $state, etag = $etag, modified_utc = $modified_utc
        WHERE grain_type = $grain_type AND grain_id = $grain_id AND etag = $expected_etag
        """;
    private const string DeleteSql = "DELETE FROM grain_state WHERE grain_type = $grain_type AND grain_id = $grain_id AND etag = $expected_etag";

    private readonly string _providerName;
    private readonly string _databasePath;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _busyTimeout;
    private readonly ILogger _logger;
    private readonly Channel<StoreRequest> _queue = Channel.CreateUnbounded<StoreRequest>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<StoreRequest> _batch;
    private readonly List<StoreRequest> _changes;

    private int _state = Created;
    private Thread? _thread;

    // Touched only by the worker thread.
    private SqliteConnection? _connection;
    private SqliteCommand? _select;
    private SqliteCommand? _selectETag;
    private SqliteCommand? _insert;
    private SqliteCommand? _update;
    private SqliteCommand? _delete;

    public SqliteStateStore(string providerName, string databasePath, int maxBatchSize, TimeSpan busyTimeout, ILogger logger)
    {
        _providerName = providerName;
        _databasePath = Path.GetFullPath(databasePath);
        _maxBatchSize = maxBatchSize;
        _busyTimeout = busyTimeout;
        _logger = logger;
        _batch = new List<StoreRequest>(maxBatchSize);
        _changes = new List<StoreRequest>(maxBatchSize);
    }

    public string DatabasePath => _databasePath;

    /// <summary>Starts the worker, which creates the directory, opens the database and creates the table.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Running, Created) != Created)
        {
            throw new InvalidOperationException($"SQLite grain storage '{_providerName}' was already started or stopped.");
        }

        _thread = new Thread(Run)
        {
            IsBackground = true,
            Name = $"SQLite grain storage {_providerName}",
        };
        _thread.Start();
        return _opened.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a request; the returned task completes once the worker has applied (and committed) it.</summary>
    public Task<StoreResult> EnqueueAsync(StoreRequest request)
    {
        if (Volatile.Read(ref _state) != Running || !_queue.Writer.TryWrite(request))
        {
            throw new InvalidOperationException(Volatile.Read(ref _state) == Created
                ? $"SQLite grain storage '{_providerName}' has not been started."
                : $"SQLite grain storage '{_providerName}' is stopped.");
        }

        return request.Completion.Task;
    }

    /// <summary>
    /// Refuses new requests, lets the worker apply everything already queued, and closes the connection. Waiting
    /// ends early when <paramref name="cancellationToken"/> fires; the worker still drains and closes.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        var previous = Interlocked.Exchange(ref _state, Stopped);
        _queue.Writer.TryComplete();
        if (previous == Created)
        {
            _stopped.TrySetResult();
        }

        return _stopped.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        try
        {
            Open();
        }
        catch (Exception ex)
        {
            SqliteGrainStorageLog.OpenFailed(_logger, ex, _providerName, _databasePath);
            Interlocked.Exchange(ref _state, Stopped);
            _queue.Writer.TryComplete();
            FailQueued(ex);
            CloseConnection();
            _opened.TrySetException(ex);
            _stopped.TrySetResult();
            return;
        }

        _opened.TrySetResult();
        try
        {
            while (WaitForWork())
            {
                while (_batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var request))
                {
                    _batch.Add(request);
                }

                ProcessBatch();
                _batch.Clear();
                _changes.Clear();
            }

            SqliteGrainStorageLog.Closed(_logger, _providerName, _databasePath);
        }
        catch (Exception ex)
        {
            SqliteGrainStorageLog.WorkerFailed(_logger, ex, _providerName);
            Interlocked.Exchange(ref _state, Stopped);
            _queue.Writer.TryComplete();
            foreach (var request in _batch)
            {
                request.Completion.TrySetException(ex);
            }

            FailQueued(ex);
        }
        finally
        {
            CloseConnection();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Blocks this dedicated thread until work is queued; false once the queue is completed and empty.</summary>
    private bool WaitForWork()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void FailQueued(Exception exception)
    {
        while (_queue.Reader.TryRead(out var request))
        {
            request.Completion.TrySetException(exception);
        }
    }

    private void Open()
    {
        var started = Stopwatch.GetTimestamp();
        var directory = Path.GetDirectoryName(_databasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // One long-lived connection; without pooling, closing it really closes the file (and checkpoints the WAL).
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(_busyTimeout.TotalSeconds),
        }.ToString();

        _connection = new SqliteConnection(connectionString);
        _connection.Open();

        ExecuteNonQuery(string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}"));
        var journalMode = ExecuteScalar("PRAGMA journal_mode = WAL") as string ?? "unknown";
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            SqliteGrainStorageLog.NotWal(_logger, _providerName, journalMode);
        }

        // FULL: a commit is on disk before any operation of its batch is acknowledged.
        ExecuteNonQuery("PRAGMA synchronous = FULL");
        ExecuteNonQuery(CreateTableSql);

        _select = CreateCommand(SelectSql, withState: false, withExpectedETag: false);
        _selectETag = CreateCommand(SelectETagSql, withState: false, withExpectedETag: false);
        _insert = CreateCommand(InsertSql, withState: true, withExpectedETag: false);
        _update = CreateCommand(UpdateSql, withState: true, withExpectedETag: true);
        _delete = CreateCommand(DeleteSql, withState: false, withExpectedETag: true);

        var elapsedMilliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        SqliteGrainStorageLog.Opened(_logger, _providerName, _databasePath, journalMode, elapsedMilliseconds);
    }

    private SqliteCommand CreateCommand(string sql, bool withState, bool withExpectedETag)
    {
        var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$grain_type", SqliteType.Text);
        command.Parameters.Add("$grain_id", SqliteType.Text);
        if (withState)
        {
            command.Parameters.Add("$state", SqliteType.Blob);
            command.Parameters.Add("$etag", SqliteType.Text);
            command.Parameters.Add("$modified_utc", SqliteType.Text);
        }

        if (withExpectedETag)
        {
            command.Parameters.Add("$expected_etag", SqliteType.Text);
        }

        return command;
    }

    private void ExecuteNonQuery(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? ExecuteScalar(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void CloseConnection()
    {
        _select?.Dispose();
        _selectETag?.Dispose();
        _insert?.Dispose();
        _update?.Dispose();
        _delete?.Dispose();
        _connection?.Dispose();
        _connection = null;
    }

    private void ProcessBatch()
    {
        var started = Stopwatch.GetTimestamp();
        var reads = 0;

        // Every request of a batch was queued before any of them completed, so they are concurrent and may be applied
        // in any order: reads are served first, outside the transaction, and never see an uncommitted write.
        foreach (var request in _batch)
        {
            if (request.CancellationToken.IsCancellationRequested)
            {
                request.Completion.TrySetCanceled(request.CancellationToken);
            }
            else if (request.Operation == StoreOperation.Read)
            {
                reads++;
                try
                {
                    request.Completion.TrySetResult(Read(request));
                }
                catch (Exception ex)
                {
                    // A read changes nothing: its failure is its own.
                    SqliteGrainStorageLog.OperationFailed(_logger, ex, _providerName, "read", request.StateName, request.GrainId);
                    request.Completion.TrySetException(ex);
                }
            }
            else
            {
                _changes.Add(request);
            }
        }

        var committed = _changes.Count == 0 || ApplyChanges();

        if (committed && _logger.IsEnabled(LogLevel.Trace))
        {
            var conflicts = _changes.Count(request => request.Failure is null && request.Outcome.Status == StoreStatus.Conflict);
            var elapsedMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            SqliteGrainStorageLog.BatchApplied(_logger, _providerName, reads, _changes.Count, conflicts, elapsedMilliseconds);
        }

        if (committed)
        {
            // Each request learns its own outcome only now that its transaction is committed.
            foreach (var request in _changes)
            {
                if (request.Failure is { } failure)
                {
                    request.Completion.TrySetException(failure);
                }
                else
                {
                    request.Completion.TrySetResult(request.Outcome);
                }
            }
        }
    }

    /// <summary>
    /// Applies every write and clear of the batch in one transaction and records each outcome on its request. Returns
    /// false when the transaction failed as a whole; every request of the batch has then failed with its error.
    /// </summary>
    private bool ApplyChanges()
    {
        try
        {
            using var transaction = _connection!.BeginTransaction(deferred: false);
            foreach (var request in _changes)
            {
                try
                {
                    request.Outcome = request.Operation == StoreOperation.Write
                        ? Write(request, transaction)
                        : Clear(request, transaction);
                }
                catch (SqliteException ex) when (TransactionIsOpen())
                {
                    // The failed statement was undone on its own and the transaction goes on: only this request fails.
                    SqliteGrainStorageLog.OperationFailed(_logger, ex, _providerName, Describe(request.Operation), request.StateName, request.GrainId);
                    request.Failure = ex;
                }
            }

            transaction.Commit();
            return true;
        }
        catch (Exception ex)
        {
            // Disposing the transaction rolled back whatever it had applied.
            SqliteGrainStorageLog.BatchFailed(_logger, ex, _providerName, _changes.Count);
            foreach (var request in _changes)
            {
                request.Completion.TrySetException(ex);
            }

            return false;
        }
    }

    private static void BindKey(SqliteCommand command, StoreRequest request, SqliteTransaction? transaction)
    {
        command.Transaction = transaction;
        command.Parameters["$grain_type"].Value = request.StateName;
        command.Parameters["$grain_id"].Value = request.GrainId;
    }

    private StoreResult Read(StoreRequest request)
    {
        var command = _select!;
        BindKey(command, request, transaction: null);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return StoreResult.NotFound;
        }

        var payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        return new StoreResult(StoreStatus.Found, reader.GetString(1), payload);
    }

    private StoreResult Write(StoreRequest request, SqliteTransaction transaction)
    {
        var command = request.ExpectedETag is null ? _insert! : _update!;
        BindKey(command, request, transaction);
        command.Parameters["$state"].Value = (object?)request.Payload ?? DBNull.Value;
        command.Parameters["$etag"].Value = request.NewETag;
        command.Parameters["$modified_utc"].Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        if (request.ExpectedETag is not null)
        {
            command.Parameters["$expected_etag"].Value = request.ExpectedETag;
        }

        return command.ExecuteNonQuery() == 1
            ? new StoreResult(StoreStatus.Applied, request.NewETag, null)
            : new StoreResult(StoreStatus.Conflict, StoredETag(request, transaction), null);
    }

    private StoreResult Clear(StoreRequest request, SqliteTransaction transaction)
    {
        if (request.ExpectedETag is null)
        {
            // The caller believes there is no row: fine if so, a conflict if another writer created one.
            var stored = StoredETag(request, transaction);
            return stored is null
                ? new StoreResult(StoreStatus.Applied, null, null)
                : new StoreResult(StoreStatus.Conflict, stored, null);
        }

        var command = _delete!;
        BindKey(command, request, transaction);
        command.Parameters["$expected_etag"].Value = request.ExpectedETag;
        return command.ExecuteNonQuery() == 1
            ? new StoreResult(StoreStatus.Applied, null, null)
            : new StoreResult(StoreStatus.Conflict, StoredETag(request, transaction), null);
    }

    private string? StoredETag(StoreRequest request, SqliteTransaction transaction)
    {
        var command = _selectETag!;
        BindKey(command, request, transaction);
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// False when SQLite rolled the whole transaction back on its own (disk full, I/O error): then the batch fails.
    /// </summary>
    private bool TransactionIsOpen() => SQLitePCL.raw.sqlite3_get_autocommit(_connection!.Handle) == 0;

    internal static string Describe(StoreOperation operation) => operation switch
    {
        StoreOperation.Read => "read",
        StoreOperation.Write => "write",
        _ => "clear",
    };
}
