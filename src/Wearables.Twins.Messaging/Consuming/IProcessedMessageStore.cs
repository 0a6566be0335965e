namespace Wearables.Twins.Messaging.Consuming;

/// <summary>Remembers which message ids a consumer has finished, so a redelivered copy is acknowledged without being handled again. Bounded.</summary>
public interface IProcessedMessageStore
{
    ValueTask<bool> ContainsAsync(string consumer, string messageId, CancellationToken cancellationToken = default);

    ValueTask AddAsync(string consumer, string messageId, CancellationToken cancellationToken = default);
}
