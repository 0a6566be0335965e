using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Hosting;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Hosting;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>Registers the care-team alert worker and the escalation topic the inboxes publish to.</summary>
public static class CareTeamAlertsServiceCollectionExtensions
{
    /// <summary>
    /// Adds, in the silo host: the publisher the care-team inboxes use for escalation notices (replacing the grains'
    /// "no topic" default), a consumer of <c>care-team-alerts</c> that opens alerts in inboxes (it needs the silo's
    /// <c>IGrainFactory</c>), and a consumer of <c>care-team-escalations</c> that emails and texts the paged contact
    /// with the notification worker's senders. Reads <c>Twins:CareTeamAlerts</c>, and <c>Twins:Notifications</c>,
    /// <c>Twins:Messaging</c> and <c>Twins:DataDirectory</c> for what it shares with the notification worker.
    /// </summary>
    public static IServiceCollection AddTwinsCareTeamAlerts(this IServiceCollection services, IConfiguration configuration, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var data = Path.GetFullPath(dataDirectory ?? (configuration["Twins:DataDirectory"] is { Length: > 0 } configured ? configured : "data"));
        var section = configuration.GetSection(CareTeamAlertOptions.Section);
        services.AddOptions<CareTeamAlertOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareTeamAlertOptions>, CareTeamAlertOptionsValidator>());
        services.AddTwinsMessaging(configuration, data);
        services.AddTwinsNotificationServices(configuration, data);
        services.Replace(ServiceDescriptor.Singleton<ICareTeamEscalationPublisher, CareTeamEscalationPublisher>());
        services.TryAddScoped<CareTeamAlertHandler>();
        services.TryAddScoped<CareTeamEscalationHandler>();

        var settings = section.Get<CareTeamAlertOptions>() ?? new CareTeamAlertOptions();
        if (!settings.Enabled || new CareTeamAlertOptionsValidator().Validate(null, settings).Failed)
        {
            // Disabled, or misconfigured (start-up validation then stops the host with every problem named).
            return services;
        }

        services.AddMessageConsumer<CareTeamAlertHandler>(AlertQueue(settings));
        services.AddMessageConsumer<CareTeamEscalationHandler>(EscalationQueue(settings));
        return services;
    }

    /// <summary>Recommendations at or above the minimum severity (escalation notices carry a severity outside these).</summary>
    public static QueueSubscription AlertQueue(CareTeamAlertOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new QueueSubscription(settings.Queue)
        {
            Severities = SeverityCodes.AtLeast(settings.MinimumSeverity),
            VisibilityTimeout = TimeSpan.FromSeconds(60),
            MaxReceiveCount = 8,
        };
    }

    /// <summary>Escalation notices only.</summary>
    public static QueueSubscription EscalationQueue(CareTeamAlertOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new QueueSubscription(settings.EscalationQueue)
        {
            Kinds = [CareTeamEscalationMessages.Kind],
            VisibilityTimeout = TimeSpan.FromSeconds(60),
            MaxReceiveCount = 8,
        };
    }
}
