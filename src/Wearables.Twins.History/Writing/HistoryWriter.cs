using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Schema;
using Wearables.Twins.History.Storage;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Writing;

/// <summary>
/// The per-silo batching buffer. Appends are in-memory; a background service (<see cref="HistoryWriterService"/>)
/// flushes by size and by age, <see cref="FlushAsync"/> flushes on demand (the telemetry checkpoint), and the service
/// flushes once more at shutdown. A flush writes one file per partition (vital, UTC day) with a content-derived name;
/// when a put fails the rows go back into the buffer and the next flush writes them again under the same names.
/// </summary>
/// <remarks>
/// Memory bound: at most <see cref="LakeWriterOptions.MaxBufferedValues"/> values (one per sample plus its series
/// length) plus one batch per appender already waiting above the watermark, plus the batch being written.
/// </remarks>
public sealed partial class HistoryWriter : IHistorySink, IDisposable
{
    private readonly object _lock = new();
    private readonly ILakeStore _store;
    private readonly LakeGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger<HistoryWriter> _logger;
    private readonly LakeWriterOptions _options;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private List<HistoryRow> _buffer = [];
    private long _weight;
    private DateTimeOffset _oldest;
    private TaskCompletionSource _drained = NewSignal();

    public HistoryWriter(ILakeStore store, LakeGate gate, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _gate = gate;
        _time = time;
        _logger = logger;
        _options = options.Value.Writer;
    }

    /// <summary>Values (samples plus series values) waiting in memory.</summary>
    public long BufferedValues
    {
        get
        {
            lock (_lock)
            {
                return _weight;
            }
        }
    }

    /// <summary>
    /// Buffers the samples (copied before returning) and returns a completed task: no I/O in the grain's turn. Only
    /// above the high watermark does the task wait, asynchronously, until a flush has drained the buffer.
    /// </summary>
    public ValueTask AppendAsync(string patientId, string wearableId, ReadOnlyMemory<VitalSample> samples)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        ArgumentException.ThrowIfNullOrEmpty(wearableId);
        if (samples.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var now = _time.GetUtcNow();
        bool wake;
        Task? drained = null;
        lock (_lock)
        {
            if (_buffer.Count == 0)
            {
                _oldest = now;
            }

            foreach (var sample in samples.Span)
            {
                var row = new HistoryRow(patientId, wearableId, sample, now);
                _buffer.Add(row);
                _weight += row.Weight;
            }

            wake = _weight >= _options.FlushValues;
            if (_weight >= _options.MaxBufferedValues)
            {
                drained = _drained.Task;
            }
        }

        if (wake)
        {
            Wake();
        }

        return drained is null ? ValueTask.CompletedTask : new ValueTask(drained);
    }

    /// <summary>Writes everything appended before this call to the lake; completes once it is durable there (the checkpoint's hook).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        // Everything appended before this call is either in the buffer or in a flush holding the gate; taking the gate
        // waits for the latter (whose failure puts its rows back) and then writes the former.
        using var entered = await _gate.EnterAsync(cancellationToken);
        await FlushHoldingGateAsync(cancellationToken);
    }

    /// <summary>Drops a patient's buffered rows (erasure); the caller holds the gate. Returns rows removed per vital.</summary>
    internal Dictionary<string, long> RemovePatient(string patientId)
    {
        var removed = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_lock)
        {
            var kept = new List<HistoryRow>(_buffer.Count);
            foreach (var row in _buffer)
            {
                if (string.Equals(row.PatientId, patientId, StringComparison.Ordinal))
                {
                    removed[row.Sample.Type.Code] = removed.GetValueOrDefault(row.Sample.Type.Code) + 1;
                    _weight -= row.Weight;
                }
                else
                {
                    kept.Add(row);
                }
            }

            _buffer = kept;
        }

        return removed;
    }

    /// <summary>Waits until a flush is due: enough values buffered, or the oldest row is <see cref="LakeWriterOptions.MaxAge"/> old.</summary>
    internal async Task WaitUntilDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                if (_weight >= _options.FlushValues)
                {
                    return;
                }

                var age = _buffer.Count == 0 ? TimeSpan.Zero : _time.GetUtcNow() - _oldest;
                if (_buffer.Count > 0 && age >= _options.MaxAge)
                {
                    return;
                }

                wait = _buffer.Count == 0 ? _options.MaxAge : _options.MaxAge - age;
            }

            using var timeout = new CancellationTokenSource(wait, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await _wake.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Time to look at the age again.
            }
        }
    }

    public void Dispose()
    {
        _wake.Dispose();
        _drained.TrySetCanceled();
    }

    internal async Task FlushHoldingGateAsync(CancellationToken cancellationToken)
    {
        List<HistoryRow> batch;
        lock (_lock)
        {
            if (_buffer.Count == 0)
            {
                return;
            }

            batch = _buffer;
            _buffer = new List<HistoryRow>(Math.Min(batch.Count, _options.FlushValues));
            _weight = 0;
        }

        try
        {
            var files = await WriteAsync(batch, cancellationToken);
            LogFlushed(_logger, batch.Count, files, _store.Description);
        }
        catch (Exception)
        {
            lock (_lock)
            {
                // Back in front of anything appended meanwhile; the age clock restarts from the failed batch.
                batch.AddRange(_buffer);
                _buffer = batch;
                _weight = batch.Sum(static r => (long)r.Weight);
                _oldest = batch[0].IngestedAt;
            }

            throw;
        }

        TaskCompletionSource? released = null;
        lock (_lock)
        {
            if (_weight < _options.MaxBufferedValues)
            {
                released = _drained;
                _drained = NewSignal();
            }
        }

        released?.TrySetResult();
    }

    private async Task<int> WriteAsync(List<HistoryRow> batch, CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<LakePartition, List<HistoryRow>>();
        foreach (var row in batch)
        {
            var partition = new LakePartition(row.Sample.Type.Code, LakePaths.UtcDate(row.Sample.Time));
            if (!partitions.TryGetValue(partition, out var rows))
            {
                partitions[partition] = rows = [];
            }

            rows.Add(row);
        }

        foreach (var (partition, rows) in partitions)
        {
            var unique = SortedUnique(rows);
            await PutFileAsync(_store, partition.Prefix + LakeFileNames.Name(LakeFileNames.FlushPrefix, unique), unique, _options.RowGroupRows, LakeFileKind.Flush, cancellationToken);
        }

        return partitions.Count;
    }

    /// <summary>Sorts by patient and time and keeps the first of rows with the same sample identity.</summary>
    internal static List<HistoryRow> SortedUnique(List<HistoryRow> rows)
    {
        rows.Sort(HistoryRow.CompareForFile);
        var unique = new List<HistoryRow>(rows.Count);
        foreach (var row in rows)
        {
            if (unique.Count == 0 || !unique[^1].IsSameSample(row))
            {
                unique.Add(row);
            }
        }

        return unique;
    }

    internal static async Task PutFileAsync(
        ILakeStore store, string key, IReadOnlyList<HistoryRow> rows, int rowGroupRows, LakeFileKind kind, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        await ParquetFileWriter.WriteAsync(content, rows, rowGroupRows, kind, cancellationToken);
        content.Position = 0;
        await store.PutAsync(key, content, cancellationToken);
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already awake: a concurrent appender got there first.
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "History flush: {Rows} rows in {Files} files to {Store}.")]
    private static partial void LogFlushed(ILogger logger, int rows, int files, string store);
}
