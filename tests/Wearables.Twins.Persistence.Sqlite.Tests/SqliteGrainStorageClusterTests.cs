using Microsoft.Data.Sqlite;
using Orleans.TestingHost;
using Wearables.Twins.Persistence.Sqlite.Tests.Grains;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>The provider inside a real (in-process) silo, used through <c>[PersistentState]</c>.</summary>
public sealed class SqliteGrainStorageClusterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_grain_writes_its_state_is_deactivated_and_reads_it_back()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddSqliteGrainStorage("sqlite", ob => ob.Configure(o => o.DatabasePath = _directory.DatabasePath)));
        var cluster = builder.Build();
        await using (cluster)
        {
            await cluster.DeployAsync();
            var grain = cluster.Client.GetGrain<IProfileGrain>("patient-42");

            var fresh = await grain.GetAsync();
            Assert.False(fresh.RecordExists);

            await grain.RecordAsync("Ada", 1200);
            await grain.RecordAsync("Ada L.", 3400);
            var before = await grain.GetAsync();

            await cluster.DeactivateAsync(grain);

            var after = await grain.GetAsync();
            Assert.NotEqual(before.ActivationId, after.ActivationId);
            Assert.True(after.RecordExists);
            Assert.Equal("Ada L.", after.DisplayName);
            Assert.Equal([1200, 3400], after.Steps);

            await cluster.StopAllSilosAsync();
        }

        // The silo stop drained and closed the provider: the file holds the row and the WAL was checkpointed away.
        Assert.False(File.Exists(_directory.DatabasePath + "-wal"));
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id FROM grain_state WHERE grain_type = 'state'";
        var grainId = (string?)await command.ExecuteScalarAsync();
        Assert.NotNull(grainId);
        Assert.EndsWith("/patient-42", grainId, StringComparison.Ordinal);
    }
}
