using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Wearables.Twins.Campaigns.Catalog;

namespace Wearables.Twins.Campaigns.Tests;

/// <summary>
/// One in-process silo for the collection, with in-memory storage under the campaigns' storage name, written through
/// Orleans' binary serializer as the SQLite and DynamoDB providers do (so every state type really round-trips).
/// </summary>
public sealed class CampaignCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public IGrainFactory Grains => (_cluster ?? throw new InvalidOperationException("The cluster is not deployed.")).Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(CampaignStorage.Name)
            .ConfigureServices(services => services.AddOptions<MemoryGrainStorageOptions>(CampaignStorage.Name)
                .Configure<IServiceProvider>((options, provider) =>
                    options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(provider))));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CampaignClusterCollection : ICollectionFixture<CampaignCluster>
{
    public const string Name = "Campaign cluster";
}
