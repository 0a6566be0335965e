using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Aws.Signing;
using Wearables.Twins.Messaging.Aws;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Messaging.Embedded;
using Wearables.Twins.Messaging.Recommendations;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Messaging.Hosting;

/// <summary>Registers the messaging transport chosen by configuration, the recommendation publisher and queue consumers.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IMessageTransport"/> (embedded unless <c>Twins:Messaging:Transport</c> is <c>Aws</c>),
    /// <see cref="IRecommendationPublisher"/> and the consumers' idempotency store. Safe to call more than once.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Reads <c>Twins:Messaging</c> (and <c>Twins:DataDirectory</c> when <paramref name="dataDirectory"/> is null).</param>
    /// <param name="dataDirectory">The service's data folder; embedded files go to its <c>messaging</c> subfolder.</param>
    public static IServiceCollection AddTwinsMessaging(this IServiceCollection services, IConfiguration configuration, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(MessagingMarker)))
        {
            return services;
        }

        services.AddSingleton<MessagingMarker>();
        var data = DataDirectory(configuration, dataDirectory);
        services.AddOptions<MessagingOptions>()
            .Configure(o => o.Embedded.DatabasePath = Path.Combine(data, "messaging", "queues.db"))
            .Bind(configuration.GetSection(MessagingOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
        services.AddOptions<ProcessedMessageStoreOptions>()
            .Configure(o => o.DatabasePath = Path.Combine(data, "messaging", "processed.db"))
            .Bind(configuration.GetSection(MessagingOptions.Section + ":Processed"));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProcessedMessageStore, SqliteProcessedMessageStore>();
        services.TryAddSingleton<IRecommendationPublisher, RecommendationPublisher>();

        services.TryAddSingleton<EmbeddedMessageTransport>();
        services.TryAddSingleton(CreateSqsClient);
        services.TryAddSingleton(CreateSnsClient);
        services.TryAddSingleton<SnsSqsMessageTransport>();
        services.TryAddSingleton<IMessageTransport>(sp =>
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Transport == MessagingTransportKind.Aws
                ? sp.GetRequiredService<SnsSqsMessageTransport>()
                : sp.GetRequiredService<EmbeddedMessageTransport>());
        services.AddHostedService<SubscriptionProvisioner>();
        return services;
    }

    /// <summary>
    /// Declares a queue this process needs even though it does not consume it (e.g. the silo declares the
    /// workers' queues so that nothing published before a separately deployed worker starts is lost).
    /// </summary>
    public static IServiceCollection AddMessageSubscription(this IServiceCollection services, QueueSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        services.AddSingleton(subscription);
        return services;
    }

    /// <summary>
    /// Adds a background consumer of <paramref name="subscription"/>'s queue that hands each message to a
    /// <typeparamref name="THandler"/> (registered scoped if not already). Call once per queue.
    /// </summary>
    public static IServiceCollection AddMessageConsumer<THandler>(
        this IServiceCollection services, QueueSubscription subscription, Action<QueueConsumerOptions>? configure = null)
        where THandler : class, IMessageHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(subscription);
        var options = new QueueConsumerOptions();
        configure?.Invoke(options);
        services.TryAddScoped<THandler>();
        services.AddSingleton(subscription);

        // Not AddHostedService: it de-duplicates by implementation type, which would drop a second consumer.
        services.AddSingleton<IHostedService>(sp => new QueueConsumerService<THandler>(
            subscription, options,
            sp.GetRequiredService<IMessageTransport>(),
            sp.GetRequiredService<IProcessedMessageStore>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ILogger<QueueConsumerService<THandler>>>()));
        return services;
    }

    internal static string DataDirectory(IConfiguration configuration, string? dataDirectory)
        => Path.GetFullPath(dataDirectory ?? (configuration["Twins:DataDirectory"] is { Length: > 0 } configured ? configured : "data"));

    private static IAmazonSQS CreateSqsClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value.Aws;
        var config = new AmazonSQSConfig();
        if (options.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        // Explicit credentials only when the host registered them (tests, local stand-ins); else the default chain.
        return services.GetService<AWSCredentials>() is { } credentials
            ? new AmazonSQSClient(credentials, config)
            : new AmazonSQSClient(config);
    }

    private static SnsQueryClient CreateSnsClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value.Aws;
        // Every SNS request is SigV4-signed (local stand-ins ignore the signature, AWS requires it); the keys come
        // from registered AWSCredentials (tests) or the SDK's default chain (environment, profile, IRSA).
        var signer = new SigV4Signer(new AwsSdkCredentialsProvider(services.GetService<AWSCredentials>()),
            services.GetService<TimeProvider>());
        var handler = new SigV4SigningHandler(signer, options.Region, "sns")
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return new SnsQueryClient(new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) },
            SnsQueryClient.EndpointFor(options.Region, options.ServiceUrl));
    }

    /// <summary>Marks that messaging was added, so a second call (silo host and workers both) adds nothing.</summary>
    private sealed class MessagingMarker;
}
