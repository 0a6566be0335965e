using Microsoft.Data.Sqlite;
using Orleans.Storage;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>What the SQLite provider promises beyond the conformance suite.</summary>
public sealed class SqliteGrainStorageTests : IDisposable
{
    private const string StateName = "vitals";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static GrainId NewGrainId() => GrainId.Create("twin", Guid.NewGuid().ToString("N"));

    private static GrainState<ConformanceState> NewState(ConformanceState state, string? eTag = null) => new() { State = state, ETag = eTag };

    [Fact]
    public async Task Start_creates_the_directory_a_WAL_database_and_the_grain_state_table()
    {
        await using var services = SqliteTestServices.Build(_directory.DatabasePath);
        var storage = await services.StartStorageAsync();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, NewState(ConformanceState.Sample()));

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        command.CommandText = "SELECT name, type, pk FROM pragma_table_info('grain_state') ORDER BY cid";
        var columns = new List<(string Name, string Type, long Pk)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        Assert.Equal(
            [("grain_type", "TEXT", 1L), ("grain_id", "TEXT", 2L), ("state", "BLOB", 0L), ("etag", "TEXT", 0L), ("modified_utc", "TEXT", 0L)],
            columns);

        command.CommandText = "SELECT grain_type, grain_id, modified_utc FROM grain_state";
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(StateName, reader.GetString(0));
            Assert.Equal(grainId.ToString(), reader.GetString(1));
            Assert.True(DateTimeOffset.TryParse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture, out _));
        }
    }

    [Fact]
    public async Task A_conflict_reports_the_stored_and_the_current_etag()
    {
        await using var services = SqliteTestServices.Build(_directory.DatabasePath);
        var storage = await services.StartStorageAsync();
        var grainId = NewGrainId();
        var current = NewState(ConformanceState.Sample());
        await storage.WriteStateAsync(StateName, grainId, current);
        var staleETag = current.ETag;
        await storage.WriteStateAsync(StateName, grainId, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, NewState(ConformanceState.Sample(), staleETag)));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(staleETag, conflict.CurrentEtag);
        Assert.Contains(grainId.ToString(), conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writes_are_committed_together_in_fewer_transactions_than_writes()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = SqliteTestServices.Build(_directory.DatabasePath, logs: logs);
        var storage = await services.StartStorageAsync();
        var grains = Enumerable.Range(1, 100).Select(i => (Id: NewGrainId(), State: NewState(ConformanceState.Sample(i)))).ToArray();

        await Task.WhenAll(grains.Select(g => storage.WriteStateAsync(StateName, g.Id, g.State)));

        var batches = logs.Entries.Where(e => e.EventId.Id == 3020).Select(e => Convert.ToInt32(e.Values["Writes"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(100, batches.Sum());
        Assert.True(batches.Count < 100, $"expected group commit, saw {batches.Count} transactions for 100 writes");
    }

    [Fact]
    public async Task Stop_applies_every_queued_write_before_closing()
    {
        var grains = Enumerable.Range(1, 50).Select(i => (Id: NewGrainId(), State: NewState(ConformanceState.Sample(i)))).ToArray();
        await using (var services = SqliteTestServices.Build(_directory.DatabasePath))
        {
            var storage = await services.StartStorageAsync();
            var writes = grains.Select(g => storage.WriteStateAsync(StateName, g.Id, g.State)).ToArray();

            await storage.CloseAsync(CancellationToken.None);

            Assert.All(writes, w => Assert.True(w.IsCompletedSuccessfully));
            await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteStateAsync(StateName, NewGrainId(), NewState(ConformanceState.Sample())));
        }

        Assert.False(File.Exists(_directory.DatabasePath + "-wal"), "closing the only connection checkpoints and removes the WAL file");

        await using (var services = SqliteTestServices.Build(_directory.DatabasePath))
        {
            var storage = await services.StartStorageAsync();
            foreach (var (id, state) in grains)
            {
                var read = NewState(new ConformanceState());
                await storage.ReadStateAsync(StateName, id, read);
                Assert.Equal(state.ETag, read.ETag);
            }
        }
    }

    [Fact]
    public async Task Operations_before_start_are_refused()
    {
        await using var services = SqliteTestServices.Build(_directory.DatabasePath);
        var storage = services.GetStorage();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.ReadStateAsync(StateName, NewGrainId(), NewState(new ConformanceState())));
    }

    [Fact]
    public async Task A_cancelled_operation_is_not_applied()
    {
        await using var services = SqliteTestServices.Build(_directory.DatabasePath);
        var storage = await services.StartStorageAsync();
        var grainId = NewGrainId();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => storage.WriteStateAsync(StateName, grainId, NewState(ConformanceState.Sample()), new CancellationToken(canceled: true)));

        var read = NewState(new ConformanceState());
        await storage.ReadStateAsync(StateName, grainId, read);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task Start_with_invalid_options_reports_every_problem()
    {
        await using var services = SqliteTestServices.Build(" ", options => options.MaxBatchSize = 0);
        var storage = services.GetStorage();

        var error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => storage.InitAsync(CancellationToken.None));

        Assert.Contains("DatabasePath of grain storage 'sqlite-tests' is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBatchSize of grain storage 'sqlite-tests' must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_never_carry_state_contents()
    {
        const string Secret = "do-not-log-this-7f3a";
        var logs = new CapturingLoggerProvider();
        await using (var services = SqliteTestServices.Build(_directory.DatabasePath, logs: logs))
        {
            var storage = await services.StartStorageAsync();
            var grainId = NewGrainId();
            var state = NewState(ConformanceState.Sample());
            state.Value().Name = Secret;
            state.Value().Tags.Add(Secret);
            await storage.WriteStateAsync(StateName, grainId, state);
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => storage.WriteStateAsync(StateName, grainId, NewState(state.Value(), "stale")));
            await storage.ReadStateAsync(StateName, grainId, NewState(new ConformanceState()));
            await storage.ClearStateAsync(StateName, grainId, state);
        }

        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.Entries.Where(e => e.Category.StartsWith("Wearables", StringComparison.Ordinal)), entry =>
        {
            Assert.InRange(entry.EventId.Id, 3000, 3099);
            Assert.DoesNotContain(Secret, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(entry.Values.Values, v => v is not null && $"{v}".Contains(Secret, StringComparison.Ordinal));
        });
    }
}
