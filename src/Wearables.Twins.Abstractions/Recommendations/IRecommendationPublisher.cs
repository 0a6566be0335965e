namespace Wearables.Twins.Recommendations;

/// <summary>Publishes recommendations to the topic (what a twin's outbox dispatcher calls).</summary>
public interface IRecommendationPublisher
{
    /// <summary>
    /// Publishes one recommendation; completes once the transport has it durably. Throws on failure (the
    /// outbox keeps the entry and retries). Publishing the same recommendation twice is harmless: consumers
    /// drop the copy by <see cref="Recommendation.Id"/>.
    /// </summary>
    Task PublishAsync(Recommendation recommendation, CancellationToken cancellationToken = default);
}
