using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Messaging.Recommendations;

/// <summary>Base for consumers of recommendation queues: reads the body, then hands over the typed recommendation.</summary>
public abstract class RecommendationHandler : IMessageHandler
{
    public ValueTask<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
        => HandleAsync(RecommendationMessages.Read(message), message, cancellationToken);

    /// <summary>Handles one recommendation; see <see cref="IMessageHandler"/> for what the outcome and exceptions mean.</summary>
    protected abstract ValueTask<MessageOutcome> HandleAsync(Recommendation recommendation, ReceivedMessage message, CancellationToken cancellationToken);
}
