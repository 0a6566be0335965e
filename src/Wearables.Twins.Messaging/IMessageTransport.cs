namespace Wearables.Twins.Messaging;

/// <summary>
/// The messaging seam: one topic fanned out to one queue per consumer. Delivery is at-least-once; a message
/// that is not acknowledged within its queue's visibility timeout is delivered again, and after
/// <see cref="QueueSubscription.MaxReceiveCount"/> receives it moves to that queue's dead-letter queue.
/// Implementations: embedded (SQLite) and AWS (SNS + SQS).
/// </summary>
public interface IMessageTransport
{
    /// <summary>Creates, or updates in place, a consumer queue, its dead-letter queue and its filtered subscription to the topic. Idempotent.</summary>
    Task EnsureSubscriptionAsync(QueueSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Publishes to the topic; every subscribed queue whose filter matches gets a copy. Completes once durable.</summary>
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>Receives up to <paramref name="maxMessages"/> (at most 10), waiting up to <paramref name="wait"/> (long poll, at most 20 s) when none is ready.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default);

    /// <summary>Deletes a handled message.</summary>
    Task AckAsync(ReceivedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Makes a message visible again after <paramref name="delay"/> (retry with backoff, or a deliberate deferral).</summary>
    Task ReleaseAsync(ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Lists up to <paramref name="max"/> messages of a queue's dead-letter queue without removing them.</summary>
    Task<IReadOnlyList<DeadLetter>> PeekDeadLettersAsync(string queue, int max, CancellationToken cancellationToken = default);

    /// <summary>Moves every dead letter of a queue back onto the queue, with a fresh receive count; returns how many moved.</summary>
    Task<int> RedriveDeadLettersAsync(string queue, CancellationToken cancellationToken = default);
}
