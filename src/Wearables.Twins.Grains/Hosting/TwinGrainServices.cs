using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wearables.Twins.History;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Risk.Hosting;

namespace Wearables.Twins.Grains.Hosting;

/// <summary>
/// What the twin grains need from their silo, with defaults a host replaces by registering its own first: the system
/// clock, no history lake, the built-in risk engine, and no recommendations topic (the outbox then keeps what it
/// cannot publish, bounded, and retries).
/// </summary>
public static class TwinGrainServices
{
    public static IServiceCollection AddTwinGrainServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHistorySink>(NoHistorySink.Instance);
        services.TryAddSingleton<IRecommendationPublisher, NoRecommendationTopic>();
        services.AddBuiltInRiskModel();
        return services;
    }

    private sealed class NoRecommendationTopic : IRecommendationPublisher
    {
        public Task PublishAsync(Recommendation recommendation, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("No recommendations topic is configured in this silo (Twins:Messaging).");
    }
}
