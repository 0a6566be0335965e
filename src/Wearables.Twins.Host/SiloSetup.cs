using System.Net;
using Orleans.Configuration;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Hosting.Clustering;

namespace Wearables.Twins.Host;

/// <summary>
/// The silo: cluster membership from <c>Twins:Cluster</c> (one localhost silo by default; DynamoDB or Redis for a
/// cluster) and twin state from <c>Twins:Storage:Provider</c> (SQLite under the data directory by default, or DynamoDB).
/// </summary>
internal static class SiloSetup
{
    public const string StorageProvider = "Twins:Storage:Provider";

    public static WebApplicationBuilder AddTwinsSilo(this WebApplicationBuilder builder, string dataDirectory)
    {
        var configuration = builder.Configuration;
        builder.UseOrleans(silo =>
        {
            silo.UseTwinsClustering(configuration);
            if (IsLocalhost(configuration))
            {
                silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
            }

            var storage = configuration[StorageProvider] ?? "sqlite";
            if (string.Equals(storage, "dynamodb", StringComparison.OrdinalIgnoreCase))
            {
                silo.AddDynamoDbGrainStorage(StorageNames.Twins, configuration.GetSection("Twins:Storage:DynamoDb"));
            }
            else if (string.Equals(storage, "sqlite", StringComparison.OrdinalIgnoreCase))
            {
                silo.AddSqliteGrainStorage(StorageNames.Twins, options => options.Configure(
                    o => o.DatabasePath = Path.Combine(dataDirectory, "twins.db")));
            }
            else
            {
                throw new InvalidOperationException($"{StorageProvider} must be 'sqlite' or 'dynamodb' (was '{storage}').");
            }

            // Care-team alert escalation and campaign schedules: durable reminders beside the twins' state.
            silo.UseTwinsReminders(configuration, dataDirectory);
        });
        return builder;
    }

    private static bool IsLocalhost(ConfigurationManager configuration)
        => string.Equals(configuration[TwinsClusterSettings.Membership] ?? TwinsClusterSettings.LocalhostChoice,
            TwinsClusterSettings.LocalhostChoice, StringComparison.OrdinalIgnoreCase);
}
