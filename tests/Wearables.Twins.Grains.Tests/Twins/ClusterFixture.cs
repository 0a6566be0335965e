using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Grains.Hosting;
using Wearables.Twins.History;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>One in-process silo for the whole collection, with in-memory grain storage under the twins' name.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What the twins handed to history (the silo is in-process, so this is the very instance it uses).</summary>
    public RecordingHistorySink History { get; } = new();

    /// <summary>What the twins' outboxes published.</summary>
    public RecordingRecommendationPublisher Recommendations { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(StorageNames.Twins)
            .ConfigureServices(services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<IHistorySink>(History);
                services.AddSingleton<IRecommendationPublisher>(Recommendations);
                services.AddTwinGrainServices();

                // Production storage (SQLite) writes state with Orleans' binary serializer; the memory provider
                // would otherwise fall back to the silo-wide JSON serializer. Every write and read goes through
                // it, so a deactivation really reloads the state from bytes.
                services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Twins)
                    .Configure<IServiceProvider>((options, provider) =>
                        options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(provider));
            }));
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
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Twins cluster";
}
