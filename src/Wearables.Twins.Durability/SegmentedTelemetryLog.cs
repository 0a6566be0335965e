using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace Wearables.Twins.Durability;

/// <summary>
/// The telemetry log as segment files in one folder, with group commit: one writer takes every queued
/// append, writes them, fsyncs once and only then completes them. See the README beside this file.
/// </summary>
public sealed partial class SegmentedTelemetryLog : ITelemetryLog
{
    private readonly string _directory;
    private readonly long _segmentSizeBytes;
    private readonly int _maxRecordBytes;
    private readonly int _maxBatchBytes;
    private readonly ILogger _logger;
    private readonly TestHooks? _hooks;
    private readonly SegmentCatalog _catalog;
    private readonly SafeFileHandle _lockFile;
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);

    // Unbounded: back-pressure comes from callers awaiting durability, and a bounded queue could only refuse or block.
    private readonly Channel<PendingAppend> _queue =
        Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });

    // Owned by the writer loop once it runs (and by DisposeAsync after it ended).
    private SafeFileHandle _activeHandle;
    private long _activeStart;
    private long _activeLength;
    private int _directorySyncWarned;

    private long _endPosition;
    private long _checkpointPosition;
    private long _flushCount;
    private Exception? _fault;
    private int _disposed;
    private Task _writer = Task.CompletedTask;

    private SegmentedTelemetryLog(
        string directory, TelemetryLogOptions options, ILogger logger, TestHooks? hooks, SegmentCatalog catalog,
        SafeFileHandle lockFile, SafeFileHandle activeHandle, long activeStart, long activeLength, long checkpoint)
    {
        _directory = directory;
        _segmentSizeBytes = options.SegmentSizeBytes;
        _maxRecordBytes = options.MaxRecordBytes;
        _maxBatchBytes = options.MaxBatchBytes;
        _logger = logger;
        _hooks = hooks;
        _catalog = catalog;
        _lockFile = lockFile;
        _activeHandle = activeHandle;
        _activeStart = activeStart;
        _activeLength = activeLength;
        _endPosition = activeStart + activeLength;
        _checkpointPosition = checkpoint;
    }

    /// <inheritdoc />
    public long EndPosition => Interlocked.Read(ref _endPosition);

    /// <inheritdoc />
    public long CheckpointPosition => Interlocked.Read(ref _checkpointPosition);

    /// <summary>Number of data fsyncs so far; with group commit it stays below the number of appends.</summary>
    internal long FlushCount => Interlocked.Read(ref _flushCount);

    /// <summary>
    /// Opens (creating if needed) the log in <see cref="TelemetryLogOptions.Directory"/>, cutting off a torn
    /// tail left by a crash. Only one instance may have a folder open; a second gets an <see cref="IOException"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public static Task<SegmentedTelemetryLog> OpenAsync(
        TelemetryLogOptions options, ILogger<SegmentedTelemetryLog> logger, CancellationToken cancellationToken)
        => OpenAsync(options, logger, hooks: null, cancellationToken);

    internal static async Task<SegmentedTelemetryLog> OpenAsync(
        TelemetryLogOptions options, ILogger<SegmentedTelemetryLog> logger, TestHooks? hooks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var validation = new TelemetryLogOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryLogOptions), validation.Failures);
        }

        var directory = Path.GetFullPath(options.Directory);
        Directory.CreateDirectory(directory);
        var lockFile = AcquireLock(directory);
        SafeFileHandle? active = null;
        try
        {
            CheckpointFile.DeleteLeftover(directory);
            var checkpoint = ReadCheckpoint(directory, logger);
            var starts = SegmentFiles.List(directory);
            if (starts.Count == 0)
            {
                // Start where the checkpoint points, so positions keep growing even if someone emptied the folder.
                starts.Add(checkpoint);
                active = SegmentFiles.CreateNew(directory, checkpoint);
            }
            else
            {
                active = SegmentFiles.OpenForAppend(directory, starts[^1]);
            }

            var activeStart = starts[^1];
            var activeLength = await RecoverTailAsync(directory, active, activeStart, options.MaxBatchBytes, logger, cancellationToken);
            if (checkpoint > activeStart + activeLength)
            {
                Log.CheckpointBeyondEnd(logger, checkpoint, activeStart + activeLength);
                checkpoint = activeStart + activeLength;
                CheckpointFile.Write(directory, checkpoint);
            }

            var log = new SegmentedTelemetryLog(
                directory, options, logger, hooks, new SegmentCatalog(starts), lockFile, active, activeStart, activeLength, checkpoint);
            log.SyncDirectory();
            log.DeleteSegmentsBefore(checkpoint);
            log._writer = Task.Run(log.RunWriterAsync, CancellationToken.None);
            Log.Opened(logger, directory, log._catalog.Count, log.EndPosition, checkpoint);
            return log;
        }
        catch
        {
            active?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// An empty record, or one larger than <see cref="TelemetryLogOptions.MaxRecordBytes"/>, is refused with an
    /// <see cref="ArgumentException"/>. The payload's memory must stay unchanged until the returned task
    /// completes; from then on (success, failure or cancellation) the log no longer reads it. Cancellation while the record is still queued keeps it out of the log; once the
    /// writer has taken it, cancellation only ends the wait and the record may still become durable, like an
    /// append whose caller crashed. After a write or fsync failure every append fails (the log is faulted).
    /// </remarks>
    public ValueTask<long> AppendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default)
    {
        if (record.IsEmpty)
        {
            throw new ArgumentException("A record must hold at least one byte.", nameof(record));
        }

        if (record.Length > _maxRecordBytes)
        {
            throw new ArgumentException(
                $"The record holds {record.Length} bytes; {TelemetryLogOptions.SectionName}:MaxRecordBytes allows {_maxRecordBytes}.",
                nameof(record));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<long>(cancellationToken);
        }

        var pending = new PendingAppend(record, cancellationToken);
        if (_queue.Writer.TryWrite(pending))
        {
            return new ValueTask<long>(pending.Task);
        }

        var refusal = RefusalException();
        pending.Fail(refusal);
        return ValueTask.FromException<long>(refusal);
    }

    /// <summary>Waits for every queued append to be written and fsynced, then closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writer;

        // A checkpoint in flight finishes first; any waiting behind it then sees the disposed flag and throws.
        await _checkpointGate.WaitAsync();
        _checkpointGate.Release();
        _activeHandle.Dispose();
        _lockFile.Dispose();
        Log.Closed(_logger, EndPosition);
    }

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private Exception RefusalException()
        => Volatile.Read(ref _fault) is { } fault
            ? FaultedException(fault)
            : new ObjectDisposedException(nameof(SegmentedTelemetryLog));

    private static InvalidOperationException FaultedException(Exception fault)
        => new("The telemetry log refuses appends after a write or fsync failure; restart the service to recover it.", fault);
}
