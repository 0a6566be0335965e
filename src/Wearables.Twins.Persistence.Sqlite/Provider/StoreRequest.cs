namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>What a queued operation asks the worker to do.</summary>
internal enum StoreOperation
{
    Read,
    Write,
    Clear,
}

/// <summary>How an operation ended on the worker.</summary>
internal enum StoreStatus
{
    /// <summary>A read found the row: <see cref="StoreResult.ETag"/> and <see cref="StoreResult.Payload"/> are set.</summary>
    Found,

    /// <summary>A read found no row.</summary>
    NotFound,

    /// <summary>A write or clear was committed; for a write <see cref="StoreResult.ETag"/> is the new ETag.</summary>
    Applied,

    /// <summary>A write or clear did not match the stored ETag; <see cref="StoreResult.ETag"/> is the stored one (null: no row).</summary>
    Conflict,
}

internal readonly record struct StoreResult(StoreStatus Status, string? ETag, byte[]? Payload)
{
    public static StoreResult NotFound { get; } = new(StoreStatus.NotFound, null, null);
}

/// <summary>
/// One operation queued for the SQLite worker. Its completion runs continuations asynchronously, so the worker
/// thread never runs the caller's code.
/// </summary>
internal sealed class StoreRequest
{
    public StoreRequest(
        StoreOperation operation,
        string stateName,
        string grainId,
        string? expectedETag,
        byte[]? payload,
        string? newETag,
        CancellationToken cancellationToken)
    {
        Operation = operation;
        StateName = stateName;
        GrainId = grainId;
        ExpectedETag = expectedETag;
        Payload = payload;
        NewETag = newETag;
        CancellationToken = cancellationToken;
    }

    public StoreOperation Operation { get; }

    public string StateName { get; }

    public string GrainId { get; }

    /// <summary>The ETag the caller holds; null when it believes no row exists.</summary>
    public string? ExpectedETag { get; }

    /// <summary>The serialized state of a write.</summary>
    public byte[]? Payload { get; }

    /// <summary>The ETag a successful write stores.</summary>
    public string? NewETag { get; }

    public CancellationToken CancellationToken { get; }

    public TaskCompletionSource<StoreResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Outcome inside the current transaction, published only once the transaction commits.</summary>
    internal StoreResult Outcome { get; set; }

    /// <summary>A failure of this operation alone (the rest of its batch goes on).</summary>
    internal Exception? Failure { get; set; }
}
