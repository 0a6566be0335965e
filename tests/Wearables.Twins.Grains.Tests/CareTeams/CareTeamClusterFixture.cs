using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using Orleans.TestingHost;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains.CareTeams;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Grains.Hosting;
using Wearables.Twins.Grains.Tests.Twins;
using Wearables.Twins.History;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>
/// One in-process silo with in-memory reminders (a short minimum period, so escalations due in seconds can be
/// awaited) and in-memory storage that round-trips state through Orleans' binary serializer, as production does.
/// </summary>
public sealed class CareTeamClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>What the inboxes published (the silo is in-process, so this is the very instance they use).</summary>
    public RecordingEscalationPublisher Escalations { get; } = new();

    /// <summary>What the patient twins published.</summary>
    public RecordingRecommendationPublisher Recommendations { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(StorageNames.Twins)
            .UseInMemoryReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
            .ConfigureServices(services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<IHistorySink>(NoHistorySink.Instance);
                services.AddSingleton<IRecommendationPublisher>(Recommendations);
                services.AddSingleton<ICareTeamEscalationPublisher>(Escalations);
                services.AddTwinGrainServices();
                services.AddTwinsCareTeamGrainServices();
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
public sealed class CareTeamClusterCollection : ICollectionFixture<CareTeamClusterFixture>
{
    public const string Name = "Care team cluster";
}
