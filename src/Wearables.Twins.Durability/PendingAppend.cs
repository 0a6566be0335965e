namespace Wearables.Twins.Durability;

/// <summary>
/// One queued append and the caller's wait for it. Its state, changed without a lock, decides whether a
/// cancellation still keeps the record out of the log (while queued) or only ends the caller's wait (once
/// the writer has copied it into a batch, after which the caller's memory is no longer read).
/// </summary>
internal sealed class PendingAppend : TaskCompletionSource<long>
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int TakenCancelRequested = 2;
    private const int Copied = 3;
    private const int Cancelled = 4;

    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;
    private int _state;

    public PendingAppend(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        Payload = payload;
        _cancellationToken = cancellationToken;

        // Registered before the item is queued, so the writer never sees an item whose registration is still unset.
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static state => ((PendingAppend)state!).OnCancellationRequested(), this);
        }
    }

    public ReadOnlyMemory<byte> Payload { get; }

    public int FrameLength => RecordFrame.HeaderSize + Payload.Length;

    public long Position { get; set; }

    /// <summary>Writer only: false when the caller cancelled while the item was queued; it must then not be written.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Writer only: the payload is in the batch buffer; a cancellation that came meanwhile now ends the wait.</summary>
    public void MarkCopied()
    {
        if (Interlocked.Exchange(ref _state, Copied) == TakenCancelRequested)
        {
            TrySetCanceled(_cancellationToken);
        }
    }

    public void Succeed()
    {
        TrySetResult(Position);
        _registration.Unregister();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        _registration.Unregister();
    }

    private void OnCancellationRequested()
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Queued:
                    if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued)
                    {
                        TrySetCanceled(_cancellationToken);
                        return;
                    }

                    break;
                case Taken:
                    // The writer is copying the payload right now; it completes the cancellation when done.
                    if (Interlocked.CompareExchange(ref _state, TakenCancelRequested, Taken) == Taken)
                    {
                        return;
                    }

                    break;
                case Copied:
                    TrySetCanceled(_cancellationToken);
                    return;
                default:
                    return;
            }
        }
    }
}
