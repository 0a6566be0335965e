using System.Net;
using Orleans.Configuration;
using Wearables.Twins.Grains.Common;

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
            silo.AddSqliteGrainStorage(StorageNames.Twins, options => options.Configure(
                o => o.DatabasePath = Path.Combine(dataDirectory, "twins.db")));
        });
        return builder;
    }
}
