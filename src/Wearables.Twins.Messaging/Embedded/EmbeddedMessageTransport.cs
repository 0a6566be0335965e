using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Messaging.Embedded;

/// <summary>
/// Durable local topic and queues in one SQLite file (WAL, synchronous FULL): a publish completes only once
/// every matching queue's copy is committed, so it survives a crash or restart. SQLite calls are synchronous,
/// so they run on the thread pool behind one gate and never on the caller's (e.g. a grain's) scheduler.
/// </summary>
public sealed class EmbeddedMessageTransport : IMessageTransport, IDisposable
{
    private const int MaxBatch = 10;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private readonly EmbeddedMessagingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EmbeddedMessageTransport> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WakeUpSignal _wakeUp = new();
    private EmbeddedQueueStore? _store;
    private bool _disposed;
    private int _disposeStarted;

    public EmbeddedMessageTransport(IOptions<MessagingOptions> options, TimeProvider time, ILogger<EmbeddedMessageTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Embedded;
        _time = time;
        _logger = logger;
    }

    public Task EnsureSubscriptionAsync(QueueSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return RunAsync(store =>
        {
            store.UpsertQueue(subscription);
            MessagingLog.SubscriptionEnsured(_logger, "embedded", subscription.Queue, subscription.Kinds.Count, subscription.Severities.Count);
            return true;
        }, cancellationToken);
    }

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var targets = await RunAsync(store => store.Publish(message, Now()), cancellationToken);
        if (targets.Count == 0)
        {
            MessagingLog.NoMatchingQueue(_logger, message.MessageId, message.Kind, message.Severity);
        }
        else
        {
            // The list is only joined ("a, b") when the Debug line is written.
            MessagingLog.Enqueued(_logger, message.MessageId, message.Kind, message.Severity, targets);
        }

        _wakeUp.Pulse();
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        var max = Math.Clamp(maxMessages, 1, MaxBatch);
        var deadline = _time.GetUtcNow() + (wait > MaxWait ? MaxWait : wait);
        var subscription = await RunAsync(store => store.FindQueue(queue), cancellationToken)
            ?? throw new InvalidOperationException($"Queue '{queue}' does not exist; call EnsureSubscriptionAsync first.");
        while (true)
        {
            var woken = _wakeUp.Next;
            var (result, nextVisible) = await RunAsync(store =>
            {
                var received = store.Receive(subscription, max, Now());
                return (received, received.Messages.Count == 0 ? store.NextVisibleMs(queue) : null);
            }, cancellationToken);

            if (result.DeadLettered > 0)
            {
                MessagingLog.DeadLettered(_logger, queue, result.DeadLettered, subscription.MaxReceiveCount);
            }

            if (result.DeadLettersDropped > 0)
            {
                MessagingLog.DeadLettersDropped(_logger, queue, result.DeadLettersDropped);
            }

            var now = _time.GetUtcNow();
            if (result.Messages.Count > 0 || now >= deadline)
            {
                return result.Messages;
            }

            var pause = deadline - now;
            if (pause > _options.PollInterval)
            {
                pause = _options.PollInterval;
            }

            if (nextVisible is long visibleMs)
            {
                var untilVisible = DateTimeOffset.FromUnixTimeMilliseconds(visibleMs) - now;
                if (untilVisible < pause)
                {
                    pause = untilVisible < TimeSpan.Zero ? TimeSpan.Zero : untilVisible;
                }
            }

            using var pauseCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(pause, _time, pauseCancel.Token);
            await Task.WhenAny(woken, delay);
            await pauseCancel.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task AckAsync(ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!await RunAsync(store => store.Delete(message.ReceiptHandle), cancellationToken))
        {
            MessagingLog.StaleReceipt(_logger, "ack", message.Queue, message.MessageId);
        }
    }

    public async Task ReleaseAsync(ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var visibleAt = Now() + (long)Math.Max(0, delay.TotalMilliseconds);
        if (!await RunAsync(store => store.Release(message.ReceiptHandle, visibleAt), cancellationToken))
        {
            MessagingLog.StaleReceipt(_logger, "release", message.Queue, message.MessageId);
        }
        else if (delay <= TimeSpan.Zero)
        {
            _wakeUp.Pulse();
        }
    }

    public Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(string queue, int max, CancellationToken cancellationToken = default)
        => RunAsync(store => store.PeekDeadLetters(queue, Math.Max(1, max)), cancellationToken);

    public async Task<int> RedriveDeadLettersAsync(string queue, CancellationToken cancellationToken = default)
    {
        var moved = await RunAsync(store => store.Redrive(queue, Now()), cancellationToken);
        MessagingLog.Redriven(_logger, queue, moved);
        _wakeUp.Pulse();
        return moved;
    }

    /// <summary>Closes the file once; safe to call twice (DI disposes it under both of its registrations).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
        {
            return;
        }

        _gate.Wait();
        try
        {
            _disposed = true;
            _store?.Dispose();
            _store = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<T> RunAsync<T>(Func<EmbeddedQueueStore, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await Task.Run(() => work(_store ??= Open()), CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
    }

    private EmbeddedQueueStore Open()
    {
        var store = new EmbeddedQueueStore(_options);
        MessagingLog.EmbeddedOpened(_logger, _options.DatabasePath, store.JournalMode);
        return store;
    }
}
