using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Hosting;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Notifications;
using Wearables.Twins.Workers.Notifications.Contacts;
using Wearables.Twins.Workers.Notifications.Delivery;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers.Hosting;

/// <summary>Registers the workers (and messaging, if the host has not) so that the silo host or the workers' own process runs them.</summary>
public static class WorkersServiceCollectionExtensions
{
    /// <summary>
    /// Adds the notification worker (its queue consumer, contact directory, ledger, email and SMS senders)
    /// and messaging. Reads <c>Twins:Notifications</c>, <c>Twins:Messaging</c> and <c>Twins:DataDirectory</c>.
    /// </summary>
    public static IServiceCollection AddTwinsWorkers(this IServiceCollection services, IConfiguration configuration, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var data = Path.GetFullPath(dataDirectory ?? (configuration["Twins:DataDirectory"] is { Length: > 0 } configured ? configured : "data"));
        services.AddTwinsMessaging(configuration, data);
        services.AddTwinsNotificationServices(configuration, data);

        var section = configuration.GetSection(NotificationOptions.Section);
        var notifications = new NotificationOptions();
        section.Bind(notifications);
        if (notifications.Enabled)
        {
            services.AddMessageConsumer<NotificationHandler>(new QueueSubscription(notifications.Queue)
            {
                Severities = SeverityCodes.AtLeast(notifications.MinimumSeverity),
                VisibilityTimeout = TimeSpan.FromSeconds(60),
                MaxReceiveCount = 8,
            });
        }

        return services;
    }

    /// <summary>
    /// The notification services without the queue consumer: the contact directory (for the API's endpoints)
    /// and the handler (for tests and benchmarks).
    /// </summary>
    public static IServiceCollection AddTwinsNotificationServices(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folder = Path.Combine(dataDirectory, "notifications");
        services.AddOptions<NotificationOptions>()
            .Configure(o =>
            {
                o.ContactsDatabasePath = Path.Combine(folder, "contacts.db");
                o.LedgerDatabasePath = Path.Combine(folder, "deliveries.db");
                o.SmsFilePath = Path.Combine(folder, "sms.jsonl");
                o.PickupDirectory = Path.Combine(folder, "pickup");
            })
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NotificationTemplates>();
        services.TryAddSingleton<NotificationComposer>();
        services.TryAddSingleton<NotificationLedger>();
        services.TryAddSingleton<IContactDirectory, SqliteContactDirectory>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<PickupEmailSender>();
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.EmailTransport == EmailTransportKind.Smtp
            ? sp.GetRequiredService<SmtpEmailSender>()
            : sp.GetRequiredService<PickupEmailSender>());
        services.TryAddSingleton<FileSmsSender>();
        services.TryAddSingleton<SnsSmsSender>();
        services.TryAddSingleton<ISmsSender>(sp => sp.GetRequiredService<IOptions<NotificationOptions>>().Value.SmsProvider == SmsProviderKind.Sns
            ? sp.GetRequiredService<SnsSmsSender>()
            : sp.GetRequiredService<FileSmsSender>());
        services.TryAddScoped<NotificationHandler>();
        return services;
    }
}
