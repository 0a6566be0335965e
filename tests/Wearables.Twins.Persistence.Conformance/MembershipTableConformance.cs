using System.Net;

namespace Wearables.Twins.Persistence.Conformance;

/// <summary>
/// What every <see cref="IMembershipTable"/> of this project must do for Orleans' membership protocol: atomic
/// row-and-version writes guarded by the table version ETag and the row ETag, heartbeats that leave those guards usable,
/// cleanup of defunct entries, and one winner among concurrent writers. A provider's test class derives from it and
/// creates a table; every test uses a cluster id of its own.
/// </summary>
public abstract class MembershipTableConformance : IAsyncLifetime
{
    private static int s_nextPort = 30000;
    private IMembershipTable? _table;

    /// <summary>The cluster id this test's table serves.</summary>
    protected string ClusterId { get; } = "conformance-" + Guid.NewGuid().ToString("N");

    /// <summary>The table under test, initialised (with its version row) before each test.</summary>
    protected IMembershipTable Table => _table ?? throw new InvalidOperationException("The table is not open.");

    /// <summary>Creates an uninitialised table for <paramref name="clusterId"/>; the suite calls <c>InitializeMembershipTableAsync</c>.</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    /// <summary>Releases a table created by <see cref="CreateTableAsync"/>.</summary>
    protected virtual Task ReleaseTableAsync(IMembershipTable table)
    {
        (table as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    public async Task InitializeAsync()
    {
        _table = await CreateTableAsync(ClusterId);
        await _table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public async Task DisposeAsync()
    {
        if (_table is { } table)
        {
            _table = null;
            await table.DeleteMembershipTableEntriesAsync(ClusterId);
            await ReleaseTableAsync(table);
        }
    }

    protected static MembershipEntry NewEntry(SiloStatus status = SiloStatus.Joining)
    {
        var port = Interlocked.Increment(ref s_nextPort);
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, port * 7),
            Status = status,
            ProxyPort = port + 10000,
            HostName = "host-" + port,
            SiloName = "silo-" + port,
            RoleName = "twins",
            UpdateZone = 1,
            FaultZone = 2,
            StartTime = now,
            IAmAliveTime = now,
            SuspectTimes = [],
        };
    }

    /// <summary>Inserts like Orleans does: read the table, insert with the next version.</summary>
    protected async Task<bool> InsertAsync(MembershipEntry entry)
    {
        var data = await Table.ReadAllAsync();
        return await Table.InsertRowAsync(entry, data.Version.Next());
    }

    /// <summary>Inserts as Orleans does on a refusal: re-read and retry, until it lands.</summary>
    protected async Task InsertWithRetriesAsync(MembershipEntry entry)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await InsertAsync(entry))
            {
                return;
            }
        }

        Assert.Fail($"Silo {entry.SiloAddress} could not be inserted in 200 attempts.");
    }

    [Fact]
    public async Task A_new_table_is_empty_at_version_zero()
    {
        var data = await Table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [Fact]
    public async Task Initializing_again_keeps_the_version_and_rows()
    {
        Assert.True(await InsertAsync(NewEntry()));

        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var data = await Table.ReadAllAsync();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task Insert_adds_the_row_and_moves_the_version_and_its_etag()
    {
        var before = await Table.ReadAllAsync();
        var entry = NewEntry();

        Assert.True(await Table.InsertRowAsync(entry, before.Version.Next()));

        var after = await Table.ReadAllAsync();
        var (stored, eTag) = Assert.Single(after.Members);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.False(string.IsNullOrEmpty(eTag));
        Assert.Equal(before.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
    }

    [Fact]
    public async Task Every_field_of_an_entry_round_trips()
    {
        var suspecter = NewEntry().SiloAddress;
        var entry = NewEntry(SiloStatus.Active);
        entry.SuspectTimes = [Tuple.Create(suspecter, new DateTime(2025, 3, 4, 5, 6, 7, 891, DateTimeKind.Utc))];
        Assert.True(await InsertAsync(entry));

        var (stored, _) = Assert.Single((await Table.ReadAllAsync()).Members);

        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(entry.SiloAddress.Generation, stored.SiloAddress.Generation);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.Equal(entry.ProxyPort, stored.ProxyPort);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(entry.SiloName, stored.SiloName);
        Assert.Equal(entry.RoleName, stored.RoleName);
        Assert.Equal(entry.UpdateZone, stored.UpdateZone);
        Assert.Equal(entry.FaultZone, stored.FaultZone);
        Assert.Equal(entry.StartTime, stored.StartTime);
        Assert.Equal(entry.IAmAliveTime, stored.IAmAliveTime);
        var (who, when) = Assert.Single(stored.SuspectTimes ?? []);
        Assert.Equal(suspecter, who);
        Assert.Equal(entry.SuspectTimes[0].Item2, when);
    }

    [Fact]
    public async Task Insert_with_a_stale_table_version_is_refused_without_side_effects()
    {
        var stale = (await Table.ReadAllAsync()).Version.Next();
        Assert.True(await Table.InsertRowAsync(NewEntry(), stale));
        var settled = await Table.ReadAllAsync();

        Assert.False(await Table.InsertRowAsync(NewEntry(), stale));

        var after = await Table.ReadAllAsync();
        Assert.Single(after.Members);
        Assert.Equal(settled.Version, after.Version);
    }

    [Fact]
    public async Task Insert_of_a_silo_already_in_the_table_is_refused_without_side_effects()
    {
        var entry = NewEntry();
        Assert.True(await InsertAsync(entry));
        var settled = await Table.ReadAllAsync();

        Assert.False(await Table.InsertRowAsync(entry, settled.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Single(after.Members);
        Assert.Equal(settled.Version, after.Version);
    }

    [Fact]
    public async Task Update_with_the_current_etags_applies_and_gives_the_row_a_new_etag()
    {
        var entry = NewEntry();
        Assert.True(await InsertAsync(entry));
        var data = await Table.ReadAllAsync();
        var (_, eTag) = data.Members[0];
        entry.Status = SiloStatus.Active;

        Assert.True(await Table.UpdateRowAsync(entry, eTag, data.Version.Next()));

        var after = await Table.ReadAllAsync();
        var (stored, newETag) = Assert.Single(after.Members);
        Assert.Equal(SiloStatus.Active, stored.Status);
        Assert.NotEqual(eTag, newETag);
        Assert.Equal(data.Version.Version + 1, after.Version.Version);
    }

    [Fact]
    public async Task Update_with_a_stale_row_etag_is_refused_without_side_effects()
    {
        var entry = NewEntry();
        Assert.True(await InsertAsync(entry));
        var first = await Table.ReadAllAsync();
        var staleETag = first.Members[0].Item2;
        entry.Status = SiloStatus.Active;
        Assert.True(await Table.UpdateRowAsync(entry, staleETag, first.Version.Next()));
        var settled = await Table.ReadAllAsync();

        entry.Status = SiloStatus.Dead;
        Assert.False(await Table.UpdateRowAsync(entry, staleETag, settled.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(SiloStatus.Active, after.Members[0].Item1.Status);
        Assert.Equal(settled.Version, after.Version);
    }

    [Fact]
    public async Task Update_with_a_stale_table_version_is_refused()
    {
        var mine = NewEntry();
        Assert.True(await InsertAsync(mine));
        var read = await Table.ReadAllAsync();
        var myETag = read.Members[0].Item2;
        Assert.True(await InsertAsync(NewEntry()));

        mine.Status = SiloStatus.Active;
        Assert.False(await Table.UpdateRowAsync(mine, myETag, read.Version.Next()));

        var after = await Table.ReadAllAsync();
        Assert.Equal(SiloStatus.Joining, after.TryGet(mine.SiloAddress)!.Item1.Status);
    }

    [Fact]
    public async Task Update_of_a_silo_that_is_not_in_the_table_is_refused()
    {
        var data = await Table.ReadAllAsync();

        Assert.False(await Table.UpdateRowAsync(NewEntry(), "no-such-etag", data.Version.Next()));

        Assert.Empty((await Table.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task ReadRow_returns_the_entry_with_the_table_version()
    {
        var entry = NewEntry();
        Assert.True(await InsertAsync(entry));
        Assert.True(await InsertAsync(NewEntry()));
        var all = await Table.ReadAllAsync();

        var row = await Table.ReadRowAsync(entry.SiloAddress);

        var (stored, eTag) = Assert.Single(row.Members);
        Assert.Equal(entry.SiloAddress, stored.SiloAddress);
        Assert.Equal(all.TryGet(entry.SiloAddress)!.Item2, eTag);
        Assert.Equal(all.Version, row.Version);
    }

    [Fact]
    public async Task ReadRow_of_an_unknown_silo_returns_no_entry_and_the_version()
    {
        Assert.True(await InsertAsync(NewEntry()));

        var row = await Table.ReadRowAsync(NewEntry().SiloAddress);

        Assert.Empty(row.Members);
        Assert.Equal(1, row.Version.Version);
    }

    [Fact]
    public async Task IAmAlive_updates_the_heartbeat_only_and_keeps_the_etags_usable()
    {
        var entry = NewEntry();
        Assert.True(await InsertAsync(entry));
        var read = await Table.ReadAllAsync();
        var eTag = read.Members[0].Item2;

        var heartbeat = entry.IAmAliveTime.AddSeconds(30);
        await Table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = heartbeat });

        var afterHeartbeat = await Table.ReadAllAsync();
        var (stored, _) = Assert.Single(afterHeartbeat.Members);
        Assert.Equal(heartbeat, stored.IAmAliveTime);
        Assert.Equal(entry.Status, stored.Status);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(read.Version, afterHeartbeat.Version);

        // Heartbeat-only activity leaves what was read before usable by UpdateRow (Orleans' contract).
        stored.Status = SiloStatus.Active;
        Assert.True(await Table.UpdateRowAsync(stored, eTag, read.Version.Next()));
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_entries_last_updated_before_the_date()
    {
        var now = DateTime.UtcNow;
        var oldDead = NewEntry(SiloStatus.Dead);
        oldDead.StartTime = oldDead.IAmAliveTime = now.AddHours(-3);
        var recentDead = NewEntry(SiloStatus.Dead);
        var oldActive = NewEntry(SiloStatus.Active);
        oldActive.StartTime = oldActive.IAmAliveTime = now.AddHours(-3);
        foreach (var entry in new[] { oldDead, recentDead, oldActive })
        {
            Assert.True(await InsertAsync(entry));
        }

        await Table.CleanupDefunctSiloEntriesAsync(now.AddHours(-1));

        var left = (await Table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { recentDead.SiloAddress, oldActive.SiloAddress }, left);
    }

    [Fact]
    public async Task Concurrent_inserts_with_the_same_table_version_let_exactly_one_win()
    {
        const int Writers = 8;
        var version = (await Table.ReadAllAsync()).Version.Next();
        var entries = Enumerable.Range(0, Writers).Select(_ => NewEntry()).ToArray();

        var outcomes = await Task.WhenAll(entries.Select(e => Table.InsertRowAsync(e, version)));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i]);
        var after = await Table.ReadAllAsync();
        Assert.Equal(entries[winner].SiloAddress, Assert.Single(after.Members).Item1.SiloAddress);
        Assert.Equal(version.Version, after.Version.Version);
    }

    [Fact]
    public async Task Concurrent_writers_that_retry_all_land_and_each_write_moves_the_version_once()
    {
        const int Writers = 6;
        var entries = Enumerable.Range(0, Writers).Select(_ => NewEntry()).ToArray();

        await Task.WhenAll(entries.Select(e => Task.Run(() => InsertWithRetriesAsync(e))));

        var after = await Table.ReadAllAsync();
        Assert.Equal(entries.Select(e => e.SiloAddress).ToHashSet(), after.Members.Select(m => m.Item1.SiloAddress).ToHashSet());
        Assert.Equal(Writers, after.Version.Version);
    }

    [Fact]
    public async Task Deleting_the_cluster_entries_empties_the_table_for_that_cluster()
    {
        Assert.True(await InsertAsync(NewEntry()));

        await Table.DeleteMembershipTableEntriesAsync(ClusterId);
        await Table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var data = await Table.ReadAllAsync();
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }
}
