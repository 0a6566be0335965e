using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Grains.Hosting;
using Wearables.Twins.History;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>
/// One in-process silo for a whole collection, hosting the twin grains over in-memory storage that round-trips state
/// through Orleans' binary serializer, as production does. A derived fixture adds what its own grains need.
/// </summary>
public abstract class InProcessClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What the patient twins' outboxes published (the silo is in-process, so this is the very instance it uses).</summary>
    public RecordingRecommendationPublisher Recommendations { get; } = new();

    /// <summary>Where the twins hand their samples for history; none unless a fixture wants to see them.</summary>
    protected virtual IHistorySink HistorySink => NoHistorySink.Instance;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Twins)
                .ConfigureServices(services =>
                {
                    services.AddSingleton(TimeProvider.System);
                    services.AddSingleton(HistorySink);
                    services.AddSingleton<IRecommendationPublisher>(Recommendations);
                    services.AddTwinGrainServices();

                    // Production storage (SQLite) writes state with Orleans' binary serializer; the memory provider
                    // would otherwise fall back to the silo-wide JSON serializer. Every write and read goes through
                    // it, so a deactivation really reloads the state from bytes.
                    services.AddOptions<MemoryGrainStorageOptions>(StorageNames.Twins)
                        .Configure<IServiceProvider>((options, provider) =>
                            options.GrainStorageSerializer = ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(provider));
                });
            ConfigureSilo(silo);
        });
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

    /// <summary>Adds what a derived fixture's grains need beyond the twins; runs after the twins are configured.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }
}
