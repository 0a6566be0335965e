namespace Wearables.Twins.Durability;

/// <summary>
/// An append-only log of accepted telemetry. A record is acknowledged to its sender only after
/// <see cref="AppendAsync"/> completes, which means it is on disk. After a crash, records from
/// <see cref="CheckpointPosition"/> on are replayed into the twins.
/// </summary>
/// <remarks>
/// Positions are byte offsets into the whole log: they only grow, and a record's position stays the same for
/// as long as the record exists.
/// </remarks>
public interface ITelemetryLog : IAsyncDisposable
{
    /// <summary>Position just past the last durable record; the position the next record will get at the earliest.</summary>
    long EndPosition { get; }

    /// <summary>Every record before this position has been applied and persisted elsewhere.</summary>
    long CheckpointPosition { get; }

    /// <summary>
    /// Appends one record and completes when it is durable (written and fsync'd). Concurrent callers
    /// share one fsync (group commit). Returns the record's position.
    /// </summary>
    /// <remarks>
    /// A cancelled append may still become durable (and be replayed after a crash), just as an append whose
    /// caller died; only one cancelled before the writer took it is certainly left out. A failed append may
    /// also be on disk. Records are therefore replayed at least once, never silently lost once acknowledged.
    /// </remarks>
    ValueTask<long> AppendAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken = default);

    /// <summary>Reads durable records at or after <paramref name="from"/>, oldest first, up to the end as of the call.</summary>
    IAsyncEnumerable<LogRecord> ReadAsync(long from, CancellationToken cancellationToken = default);

    /// <summary>
    /// Durably moves the checkpoint to <paramref name="position"/> and deletes segments holding only
    /// records before it. Moving it backwards is ignored.
    /// </summary>
    ValueTask CheckpointAsync(long position, CancellationToken cancellationToken = default);
}
