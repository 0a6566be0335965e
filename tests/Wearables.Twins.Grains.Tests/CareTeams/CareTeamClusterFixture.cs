using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains.CareTeams;
using Wearables.Twins.Grains.Tests.Twins;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>
/// The twins' in-process silo plus the care-team grains, with in-memory reminders (a short minimum period, so
/// escalations due in seconds can be awaited).
/// </summary>
public sealed class CareTeamClusterFixture : InProcessClusterFixture
{
    /// <summary>What the inboxes published (the silo is in-process, so this is the very instance they use).</summary>
    public RecordingEscalationPublisher Escalations { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo)
        => silo
            .UseInMemoryReminderService()
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1))
            .ConfigureServices(services =>
            {
                services.AddSingleton<ICareTeamEscalationPublisher>(Escalations);
                services.AddTwinsCareTeamGrainServices();
            });
}

[CollectionDefinition(Name)]
public sealed class CareTeamClusterCollection : ICollectionFixture<CareTeamClusterFixture>
{
    public const string Name = "Care team cluster";
}
