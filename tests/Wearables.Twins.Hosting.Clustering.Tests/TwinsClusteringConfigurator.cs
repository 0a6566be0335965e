using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Wearables.Twins.Hosting.Clustering.Tests;

/// <summary>Silos and clients of the test cluster call the selector exactly as the host does, with its configuration.</summary>
public sealed class TwinsClusteringConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.UseTwinsClustering(siloBuilder.Configuration);

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseTwinsClustering(configuration);
}
