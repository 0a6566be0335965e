using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Messaging.Consuming;

/// <summary>
/// Drives one consumer queue: ensures its subscription, long-polls, and hands each message to a fresh
/// <typeparamref name="THandler"/> (resolved in its own DI scope). A message is acknowledged only after the
/// handler finished and its id was recorded, so a crash mid-message loses nothing (the transport redelivers
/// it after the visibility timeout) and a redelivery of a finished message is acknowledged unhandled.
/// </summary>
public sealed class QueueConsumerService<THandler> : BackgroundService
    where THandler : class, IMessageHandler
{
    private readonly QueueSubscription _subscription;
    private readonly QueueConsumerOptions _options;
    private readonly IMessageTransport _transport;
    private readonly IProcessedMessageStore _processed;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private bool _subscribed;

    public QueueConsumerService(
        QueueSubscription subscription,
        QueueConsumerOptions options,
        IMessageTransport transport,
        IProcessedMessageStore processed,
        IServiceScopeFactory scopes,
        ILogger<QueueConsumerService<THandler>> logger)
    {
        _subscription = subscription;
        _options = options;
        _transport = transport;
        _processed = processed;
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>The queue this consumer drains.</summary>
    public string Queue => _subscription.Queue;

    /// <summary>Ensures the queue before the host finishes starting, so a publish right after start reaches it.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _transport.EnsureSubscriptionAsync(_subscription, cancellationToken);
            _subscribed = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not fatal: the consumer loop keeps trying, so a transport that is down at start does not hang the host.
            MessagingLog.TransportFailed(_logger, ex, _subscription.Queue, _options.RetryBaseDelay);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_subscribed)
        {
            await RetryTransportAsync(() => _transport.EnsureSubscriptionAsync(_subscription, stoppingToken), stoppingToken);
        }

        MessagingLog.ConsumerStarted(_logger, _subscription.Queue);

        var batchSize = Math.Clamp(_options.MaxConcurrency, 1, 10);
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<ReceivedMessage> batch = [];
                await RetryTransportAsync(async () =>
                    batch = await _transport.ReceiveAsync(_subscription.Queue, batchSize, _options.ReceiveWait, stoppingToken), stoppingToken);

                foreach (var message in batch)
                {
                    // A message received but never started is not acknowledged either: it comes back after its visibility timeout.
                    await slots.WaitAsync(stoppingToken);
                    inFlight.Add(ProcessAndReleaseSlotAsync(message, slots, stoppingToken));
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAndReleaseSlotAsync(ReceivedMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-message: not acknowledged, so the transport delivers it again after its visibility timeout.
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task ProcessAsync(ReceivedMessage message, CancellationToken stoppingToken)
    {
        // Two copies of one message id in flight at once (a producer re-sent it) would both pass the processed
        // check; the second waits and comes back, by which time the first is recorded.
        if (!_inFlight.TryAdd(message.MessageId, 0))
        {
            await _transport.ReleaseAsync(message, _options.RetryBaseDelay, stoppingToken);
            return;
        }

        try
        {
            await ProcessOnceAsync(message, stoppingToken);
        }
        finally
        {
            _inFlight.TryRemove(message.MessageId, out _);
        }
    }

    private async Task ProcessOnceAsync(ReceivedMessage message, CancellationToken stoppingToken)
    {
        if (await _processed.ContainsAsync(_subscription.Queue, message.MessageId, stoppingToken))
        {
            MessagingLog.AlreadyProcessed(_logger, _subscription.Queue, message.MessageId);
            await _transport.AckAsync(message, stoppingToken);
            return;
        }

        MessageOutcome outcome;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredService<THandler>().HandleAsync(message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            var delay = _options.RetryDelay(message.ReceiveCount);
            MessagingLog.HandlerFailed(_logger, ex, _subscription.Queue, message.MessageId, message.ReceiveCount, delay);
            await _transport.ReleaseAsync(message, delay, stoppingToken);
            return;
        }

        if (outcome.DeferFor is { } deferFor)
        {
            var delay = deferFor > _options.MaxDefer ? _options.MaxDefer : deferFor;
            MessagingLog.Deferred(_logger, _subscription.Queue, message.MessageId, delay);
            await _transport.ReleaseAsync(message, delay, stoppingToken);
            return;
        }

        await _processed.AddAsync(_subscription.Queue, message.MessageId, stoppingToken);
        await _transport.AckAsync(message, stoppingToken);
    }

    private async Task RetryTransportAsync(Func<Task> operation, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var delay = _options.RetryDelay(attempt);
                MessagingLog.TransportFailed(_logger, ex, _subscription.Queue, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }
}
