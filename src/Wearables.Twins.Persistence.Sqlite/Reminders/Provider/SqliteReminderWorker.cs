using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// The one thread that touches the reminders database. Callers queue operations and await their results; the thread
/// runs them one at a time, in order. Microsoft.Data.Sqlite's async methods run synchronously, so this keeps every
/// SQLite call (and its fsync) off the reminder service's scheduler.
/// </summary>
internal sealed class SqliteReminderWorker
{
    private const int Created = 0;
    private const int Running = 1;
    private const int Stopped = 2;

    private readonly string _databasePath;
    private readonly string _serviceId;
    private readonly TimeSpan _busyTimeout;
    private readonly ILogger _logger;
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state = Created;

    public SqliteReminderWorker(string databasePath, string serviceId, TimeSpan busyTimeout, ILogger logger)
    {
        _databasePath = Path.GetFullPath(databasePath);
        _serviceId = serviceId;
        _busyTimeout = busyTimeout;
        _logger = logger;
    }

    /// <summary>Completes when the database is open and its schema exists; faults when it could not be opened.</summary>
    public Task Opened => _opened.Task;

    /// <summary>Starts the thread, which opens the database; completes when it is open (again: the same start).</summary>
    /// <exception cref="InvalidOperationException">The worker was stopped; a stopped worker never starts again.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var previous = Interlocked.CompareExchange(ref _state, Running, Created);
        if (previous == Created)
        {
            new Thread(Run) { IsBackground = true, Name = "SQLite reminder table" }.Start();
        }
        else if (previous == Stopped && !_opened.Task.IsFaulted)
        {
            throw new InvalidOperationException("The SQLite reminder table was stopped; it cannot be started again.");
        }

        return _opened.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues <paramref name="operation"/>; the task completes with its result once the thread has run it.</summary>
    /// <exception cref="InvalidOperationException">The worker is not running.</exception>
    public Task<T> RunAsync<T>(Func<SqliteReminderStatements, T> operation, string description, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(operation, description, cancellationToken);
        if (Volatile.Read(ref _state) != Running || !_queue.Writer.TryWrite(item))
        {
            throw new InvalidOperationException(Volatile.Read(ref _state) == Created
                ? "The SQLite reminder table has not been started."
                : "The SQLite reminder table is stopped.");
        }

        return item.Completion.Task;
    }

    /// <summary>Refuses new operations, runs the queued ones, and closes the database.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _state, Stopped) == Created)
        {
            _stopped.TrySetResult();
        }

        _queue.Writer.TryComplete();
        return _stopped.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        SqliteReminderStatements statements;
        try
        {
            var started = Stopwatch.GetTimestamp();
            statements = SqliteReminderStatements.Open(_databasePath, _serviceId, _busyTimeout);
            if (!string.Equals(statements.JournalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteReminderTableLog.NotWal(_logger, statements.JournalMode);
            }

            var elapsedMilliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            SqliteReminderTableLog.Opened(_logger, _databasePath, _serviceId, statements.JournalMode, elapsedMilliseconds);
        }
        catch (Exception ex)
        {
            SqliteReminderTableLog.OpenFailed(_logger, ex, _databasePath);
            Fail(ex);
            _opened.TrySetException(ex);
            _stopped.TrySetResult();
            return;
        }

        _opened.TrySetResult();
        try
        {
            while (WaitForWork())
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    item.Execute(statements, _logger);
                }
            }

            SqliteReminderTableLog.Closed(_logger, _databasePath);
        }
        catch (Exception ex)
        {
            SqliteReminderTableLog.WorkerFailed(_logger, ex);
            Fail(ex);
        }
        finally
        {
            statements.Dispose();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Blocks this dedicated thread until work is queued; false once the queue is completed and empty.</summary>
    private bool WaitForWork()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void Fail(Exception exception)
    {
        Interlocked.Exchange(ref _state, Stopped);
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var item))
        {
            item.Fail(exception);
        }
    }

    private abstract class WorkItem
    {
        public abstract void Execute(SqliteReminderStatements statements, ILogger logger);

        public abstract void Fail(Exception exception);
    }

    private sealed class WorkItem<T>(Func<SqliteReminderStatements, T> operation, string description, CancellationToken cancellationToken)
        : WorkItem
    {
        // The awaiting continuation must not run on the worker thread.
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Execute(SqliteReminderStatements statements, ILogger logger)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Completion.TrySetCanceled(cancellationToken);
                return;
            }

            try
            {
                Completion.TrySetResult(operation(statements));
            }
            catch (Exception ex)
            {
                // One failing statement fails only its own operation.
                SqliteReminderTableLog.OperationFailed(logger, ex, description);
                Completion.TrySetException(ex);
            }
        }

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
