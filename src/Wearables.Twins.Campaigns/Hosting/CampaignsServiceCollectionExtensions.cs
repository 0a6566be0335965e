using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Cohorts;
using Wearables.Twins.Campaigns.Delivery;
using Wearables.Twins.Campaigns.Findings;
using Wearables.Twins.Campaigns.Options;
using Wearables.Twins.Campaigns.Running;
using Wearables.Twins.History.Hosting;
using Wearables.Twins.History.Reading;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Hosting;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Hosting;

namespace Wearables.Twins.Campaigns.Hosting;

/// <summary>Registers campaigns in a process that hosts (or is a client of) the silo.</summary>
public static class CampaignsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the campaign runner, the cohort queries, and, when <c>Twins:Campaigns:Enabled</c> (the default), the
    /// scheduler and two queue consumers: the open-findings projection (every recommendation) and campaign message
    /// delivery. Adds messaging, the contact directory and email/SMS senders, and the lake's readers if the host has
    /// not. Needs <see cref="IGrainFactory"/> (the silo or its client). Safe to call more than once.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads <c>Twins:Campaigns</c> (and what messaging, notifications and history read).</param>
    /// <param name="dataDirectory">The service's data folder.</param>
    public static IServiceCollection AddTwinsCampaigns(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        if (services.Any(d => d.ServiceType == typeof(CampaignsMarker)))
        {
            return services;
        }

        services.AddSingleton<CampaignsMarker>();
        services.AddTwinsMessaging(configuration, dataDirectory);
        services.AddTwinsNotificationServices(configuration, dataDirectory);
        if (!services.Any(d => d.ServiceType == typeof(LakeFiles)))
        {
            services.AddTwinsHistoryCore(configuration, dataDirectory);
        }

        var section = configuration.GetSection(CampaignOptions.Section);
        services.AddOptions<CampaignOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LakeCohortQuery>();
        services.TryAddSingleton<OpenFindingsCohort>();
        services.TryAddSingleton<CohortEvaluator>();
        services.TryAddSingleton<CampaignRunner>();
        services.TryAddSingleton<CampaignRegistry>();
        services.TryAddScoped<CampaignMessageHandler>();
        services.TryAddScoped<FindingsProjectionHandler>();

        var settings = section.Get<CampaignOptions>() ?? new CampaignOptions();
        if (!settings.Enabled || new CampaignOptionsValidator().Validate(null, settings).Failed)
        {
            // Disabled, or misconfigured (start-up validation then stops the host with every problem named).
            return services;
        }

        services.AddSingleton<CampaignScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignScheduler>());
        services.AddMessageConsumer<FindingsProjectionHandler>(new QueueSubscription(settings.FindingsQueue)
        {
            // Every recommendation, and nothing else: campaign messages carry a severity outside these.
            Severities = SeverityCodes.AtLeast(RecommendationSeverity.Info),
            VisibilityTimeout = TimeSpan.FromSeconds(60),
            MaxReceiveCount = 8,
        });
        services.AddMessageConsumer<CampaignMessageHandler>(new QueueSubscription(settings.DeliveryQueue)
        {
            Kinds = [CampaignMessageCodec.Kind],
            VisibilityTimeout = TimeSpan.FromSeconds(60),
            MaxReceiveCount = 8,
        }, o => o.MaxConcurrency = settings.DeliveryConcurrency);
        return services;
    }

    /// <summary>Marks that campaigns were added, so a second call adds nothing.</summary>
    private sealed class CampaignsMarker;
}
