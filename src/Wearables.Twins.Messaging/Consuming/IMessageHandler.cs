namespace Wearables.Twins.Messaging.Consuming;

/// <summary>
/// Handles one message of a consumer queue. Returning <see cref="MessageOutcome.Done"/> acknowledges it;
/// throwing retries it with backoff (and, after the queue's receive limit, dead-letters it); returning
/// <see cref="MessageOutcome.Defer"/> makes it come back later without counting as a failure in the logs.
/// Handlers run at least once per message: the host skips ids it has already processed, but a crash between
/// the side effect and the acknowledgement replays the message, so side effects should be idempotent too.
/// </summary>
public interface IMessageHandler
{
    ValueTask<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken);
}
