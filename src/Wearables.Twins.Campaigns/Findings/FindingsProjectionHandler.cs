using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Messaging.Recommendations;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Findings;

/// <summary>
/// Consumer of the campaigns' own recommendations queue: keeps the open-findings projection up to date. Idempotent:
/// the consumer host skips ids it processed, and a replayed recommendation changes nothing in its shard.
/// </summary>
public sealed class FindingsProjectionHandler(IGrainFactory grains) : RecommendationHandler
{
    public async ValueTask ApplyAsync(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        await grains.GetGrain<IOpenFindingsGrain>(FindingShards.Of(recommendation.PatientId)).ApplyAsync(recommendation);
    }

    protected override async ValueTask<MessageOutcome> HandleAsync(Recommendation recommendation, ReceivedMessage message, CancellationToken cancellationToken)
    {
        await ApplyAsync(recommendation);
        return MessageOutcome.Done;
    }
}
