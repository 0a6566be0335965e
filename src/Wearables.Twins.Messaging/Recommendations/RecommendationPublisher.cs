using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Messaging.Recommendations;

/// <summary>Serializes a recommendation (source-generated JSON) and publishes it with its kind and severity as attributes.</summary>
public sealed class RecommendationPublisher : IRecommendationPublisher
{
    private readonly IMessageTransport _transport;

    public RecommendationPublisher(IMessageTransport transport) => _transport = transport;

    public Task PublishAsync(Recommendation recommendation, CancellationToken cancellationToken = default)
        => _transport.PublishAsync(RecommendationMessages.ToMessage(recommendation), cancellationToken);
}
