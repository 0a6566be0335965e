using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Wearables.Twins.Hosting.Clustering;

namespace Orleans.Hosting;

/// <summary>
/// Chooses the cluster membership from configuration (<see cref="TwinsClusterSettings.Membership"/>), so one build runs
/// as a single localhost silo, a DynamoDB-backed cluster in AWS, or a cluster on an existing Redis.
/// </summary>
public static class TwinsClusteringExtensions
{
    /// <summary>Configures membership, cluster ids and endpoints of the silo from <paramref name="configuration"/>.</summary>
    /// <exception cref="OrleansConfigurationException">The choice is unknown or its required settings are missing.</exception>
    public static ISiloBuilder UseTwinsClustering(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var membership = Choice(configuration);
        var kubernetes = configuration.GetValue(TwinsClusterSettings.Kubernetes, false);

        // Failure detection decides how long the twins of a crashed silo stay unreachable; its defaults suit a
        // busy production cluster, tests and small clusters may shorten it.
        builder.Configure<ClusterMembershipOptions>(configuration.GetSection(TwinsClusterSettings.Liveness));
        if (membership == TwinsClusterSettings.LocalhostChoice)
        {
            if (kubernetes)
            {
                throw Problem($"{TwinsClusterSettings.Kubernetes} needs a shared membership: set {TwinsClusterSettings.Membership} to '{TwinsClusterSettings.DynamoDbChoice}' or '{TwinsClusterSettings.RedisChoice}'.");
            }

            return builder.UseLocalhostClustering(
                configuration.GetValue(TwinsClusterSettings.SiloPort, EndpointOptions.DEFAULT_SILO_PORT),
                configuration.GetValue(TwinsClusterSettings.GatewayPort, EndpointOptions.DEFAULT_GATEWAY_PORT),
                primarySiloEndpoint: null,
                serviceId: configuration[TwinsClusterSettings.ServiceId] ?? "wearables-twins",
                clusterId: configuration[TwinsClusterSettings.ClusterId] ?? "local");
        }

        ConfigureIdentity(builder, configuration);
        if (membership == TwinsClusterSettings.DynamoDbChoice)
        {
            builder.UseDynamoDbClustering(configuration.GetSection(TwinsClusterSettings.DynamoDb));
        }
        else
        {
            builder.UseRedisClustering(RedisConnectionString(configuration));
        }

        if (kubernetes)
        {
            // Pod name, namespace and IP come from the POD_* variables of the downward API; it also removes the
            // membership rows of pods that are gone. It is not a membership store, hence a shared one above.
            builder.UseKubernetesHosting();
        }

        return builder;
    }

    /// <summary>Lets a client find the gateways of the cluster chosen in <paramref name="configuration"/>.</summary>
    public static IClientBuilder UseTwinsClustering(this IClientBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        var membership = Choice(configuration);
        if (membership == TwinsClusterSettings.LocalhostChoice)
        {
            return builder.UseLocalhostClustering(
                configuration.GetValue(TwinsClusterSettings.GatewayPort, EndpointOptions.DEFAULT_GATEWAY_PORT),
                serviceId: configuration[TwinsClusterSettings.ServiceId] ?? "wearables-twins",
                clusterId: configuration[TwinsClusterSettings.ClusterId] ?? "local");
        }

        if (configuration[TwinsClusterSettings.ServiceId] is { Length: > 0 } || configuration[TwinsClusterSettings.ClusterId] is { Length: > 0 })
        {
            builder.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = configuration[TwinsClusterSettings.ServiceId] ?? o.ServiceId;
                o.ClusterId = configuration[TwinsClusterSettings.ClusterId] ?? o.ClusterId;
            });
        }

        return membership == TwinsClusterSettings.DynamoDbChoice
            ? builder.UseDynamoDbClustering(configuration.GetSection(TwinsClusterSettings.DynamoDb))
            : builder.UseRedisClustering(RedisConnectionString(configuration));
    }

    private static string Choice(IConfiguration configuration)
    {
        var value = configuration[TwinsClusterSettings.Membership];
        var choice = string.IsNullOrWhiteSpace(value) ? TwinsClusterSettings.LocalhostChoice : value.Trim().ToLowerInvariant();
        return choice switch
        {
            TwinsClusterSettings.LocalhostChoice or TwinsClusterSettings.DynamoDbChoice or TwinsClusterSettings.RedisChoice => choice,
            _ => throw Problem(
                $"{TwinsClusterSettings.Membership} is '{value}'; use '{TwinsClusterSettings.LocalhostChoice}', '{TwinsClusterSettings.DynamoDbChoice}' or '{TwinsClusterSettings.RedisChoice}'"
                + $" (for Kubernetes, pick a shared membership and set {TwinsClusterSettings.Kubernetes} to true)."),
        };
    }

    private static string RedisConnectionString(IConfiguration configuration) =>
        configuration[TwinsClusterSettings.RedisConnectionString] is { Length: > 0 } connection
            ? connection
            : throw Problem($"{TwinsClusterSettings.RedisConnectionString} is required when {TwinsClusterSettings.Membership} is '{TwinsClusterSettings.RedisChoice}'.");

    /// <summary>Ids and ports only when configured, so a test cluster (or Kubernetes hosting) can supply its own.</summary>
    private static void ConfigureIdentity(ISiloBuilder builder, IConfiguration configuration)
    {
        if (configuration[TwinsClusterSettings.ServiceId] is { Length: > 0 } || configuration[TwinsClusterSettings.ClusterId] is { Length: > 0 })
        {
            builder.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = configuration[TwinsClusterSettings.ServiceId] ?? o.ServiceId;
                o.ClusterId = configuration[TwinsClusterSettings.ClusterId] ?? o.ClusterId;
            });
        }

        if (configuration[TwinsClusterSettings.SiloPort] is { Length: > 0 } || configuration[TwinsClusterSettings.GatewayPort] is { Length: > 0 })
        {
            builder.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = configuration.GetValue(TwinsClusterSettings.SiloPort, o.SiloPort);
                o.GatewayPort = configuration.GetValue(TwinsClusterSettings.GatewayPort, o.GatewayPort);
            });
        }

        if (configuration[TwinsClusterSettings.AdvertisedIPAddress] is { Length: > 0 } advertised)
        {
            var address = IPAddress.TryParse(advertised, out var parsed)
                ? parsed
                : throw Problem($"{TwinsClusterSettings.AdvertisedIPAddress} '{advertised}' is not an IP address.");
            builder.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = address);
        }
    }

    private static OrleansConfigurationException Problem(string message) => new($"Cluster membership is misconfigured: {message}");
}
