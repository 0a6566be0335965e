using System.Net;
using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.History;

namespace Wearables.Twins.Host;

/// <summary>The embedded profile: one localhost silo, twin state in SQLite under the data directory.</summary>
internal static class SiloSetup
{
    public static WebApplicationBuilder AddTwinsSilo(this WebApplicationBuilder builder, string dataDirectory)
    {
        var orleans = builder.Configuration.GetSection("Twins:Orleans");
        var siloPort = orleans.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = orleans.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, primarySiloEndpoint: null,
                serviceId: orleans.GetValue("ServiceId", "wearables-twins")!,
                clusterId: orleans.GetValue("ClusterId", "local")!);
            silo.Configure<EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
            // Until a history lake is registered, accepted samples live in the twins and the telemetry log only.
            silo.Services.TryAddSingleton<IHistorySink>(NoHistorySink.Instance);
            silo.AddSqliteGrainStorage(StorageNames.Twins, options => options.Configure(
                o => o.DatabasePath = Path.Combine(dataDirectory, "twins.db")));
        });
        return builder;
    }
}
