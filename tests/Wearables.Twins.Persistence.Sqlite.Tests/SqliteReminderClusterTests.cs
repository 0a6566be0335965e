using Microsoft.Data.Sqlite;
using Orleans.TestingHost;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>The SQLite reminder table under Orleans' real reminder service, in an in-process silo that is restarted.</summary>
public sealed class SqliteReminderClusterTests : IDisposable
{
    private static readonly TimeSpan TickWithin = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();
    private readonly string _serviceId = "sqlite-reminders-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _directory.Dispose();

    private async Task<InProcessTestCluster> StartSiloAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        // Reminders belong to the service: the restarted silo must be the same service to own them.
        builder.Options.ServiceId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSqliteReminderService(options => options.DatabasePath = _directory.RemindersPath);
            // Orleans only warns below one minute; a one-second reminder keeps the test short.
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private async Task<List<(string GrainId, string ReminderName)>> StoredRemindersAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.RemindersPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id, reminder_name FROM reminders WHERE service_id = $service_id";
        command.Parameters.AddWithValue("$service_id", _serviceId);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    [Fact]
    public async Task A_reminder_fires_and_keeps_firing_after_the_silo_restarts_without_any_grain_call()
    {
        var key = "care-alert-" + Guid.NewGuid().ToString("N");

        var first = await StartSiloAsync();
        await using (first)
        {
            await first.Client.GetGrain<IEscalationGrain>(key).ArmAsync(TimeSpan.FromSeconds(1));
            var tick = await ReminderProbe.NextAsync(key, TickWithin);
            Assert.Equal(EscalationGrain.ReminderName, tick.ReminderName);
            await first.StopAllSilosAsync();
        }

        // The silo stopped the table: its file is closed (WAL checkpointed away) and holds the reminder.
        Assert.False(File.Exists(_directory.RemindersPath + "-wal"));
        var (grainId, reminderName) = Assert.Single(await StoredRemindersAsync());
        Assert.EndsWith("/" + key, grainId, StringComparison.Ordinal);
        Assert.Equal(EscalationGrain.ReminderName, reminderName);
        ReminderProbe.Drain(key);

        var second = await StartSiloAsync();
        await using (second)
        {
            // Nothing calls the grain: the new silo's reminder service found the reminder in the table and activated it.
            var tick = await ReminderProbe.NextAsync(key, TickWithin);
            Assert.Equal(second.Silos[0].SiloAddress, tick.Silo);

            Assert.True(await second.Client.GetGrain<IEscalationGrain>(key).DisarmAsync());
            Assert.False(await second.Client.GetGrain<IEscalationGrain>(key).DisarmAsync());
            await second.StopAllSilosAsync();
        }

        Assert.Empty(await StoredRemindersAsync());
    }
}
