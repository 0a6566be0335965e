using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// What the care-team grains need from their silo, with defaults a host replaces by registering its own (before or
/// after: these are TryAdd): the system clock, and no escalation topic (the inbox then keeps its notices, bounded,
/// and retries). The silo also needs a reminder service (<c>AddReminders</c> plus a reminder table).
/// </summary>
public static class CareTeamGrainServices
{
    public static IServiceCollection AddTwinsCareTeamGrainServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICareTeamEscalationPublisher, NoEscalationTopic>();
        return services;
    }

    private sealed class NoEscalationTopic : ICareTeamEscalationPublisher
    {
        public Task PublishAsync(CareTeamEscalationNotice notice, CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("No topic for care-team escalations is configured in this silo (AddTwinsCareTeamAlerts).");
    }
}
