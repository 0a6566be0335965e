namespace Wearables.Twins.Persistence.Conformance;

/// <summary>
/// What every <see cref="IReminderTable"/> of this project must do for Orleans' reminder service: upserts that return a
/// fresh ETag, ETag-checked removals that answer false on a mismatch, per-grain reads, reads of a hash-ring range
/// (begin exclusive, end inclusive, wrapping when begin &gt;= end), a clear limited to the service, and durability across
/// a restart of the table. A provider's test class derives from it and says how to create a table for a service id over
/// this test's backing store; each test uses a service id of its own.
/// </summary>
public abstract class ReminderTableConformance : IAsyncLifetime
{
    private const string GrainType = "reminder-conformance";

    private readonly List<IReminderTable> _running = [];
    private IReminderTable? _table;

    /// <summary>The service id this test's table serves.</summary>
    protected string ServiceId { get; } = "reminders-" + Guid.NewGuid().ToString("N");

    /// <summary>The table under test, started before each test.</summary>
    protected IReminderTable Table => _table ?? throw new InvalidOperationException("The table is not open.");

    /// <summary>
    /// Creates a table, not yet started, for <paramref name="serviceId"/> over this test's backing store (a file, a
    /// table); every call within one test must reach the same store, so a reopened table sees what was written.
    /// </summary>
    protected abstract Task<IReminderTable> CreateTableAsync(string serviceId);

    /// <summary>Removes this test's backing store, after its tables were stopped.</summary>
    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _table = await OpenTableAsync(ServiceId);

    public async Task DisposeAsync()
    {
        _table = null;
        foreach (var table in _running.ToList())
        {
            await table.TestOnlyClearTable();
            await StopTableAsync(table);
        }

        await DeleteStoreAsync();
    }

    /// <summary>Creates and starts a table for <paramref name="serviceId"/> over this test's store.</summary>
    protected async Task<IReminderTable> OpenTableAsync(string serviceId)
    {
        var table = await CreateTableAsync(serviceId);
        await table.StartAsync();
        _running.Add(table);
        return table;
    }

    /// <summary>Stops the table under test and starts a new one over the same store.</summary>
    protected async Task ReopenTableAsync()
    {
        await StopTableAsync(Table);
        _table = await OpenTableAsync(ServiceId);
    }

    private async Task StopTableAsync(IReminderTable table)
    {
        _running.Remove(table);
        await table.StopAsync();
        switch (table)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected static GrainId NewGrainId(string? key = null) => GrainId.Create(GrainType, key ?? Guid.NewGuid().ToString("N"));

    protected static ReminderEntry NewEntry(GrainId grainId, string name = "escalate", DateTime? startAt = null, TimeSpan? period = null) => new()
    {
        GrainId = grainId,
        ReminderName = name,
        // Sub-millisecond ticks on purpose: a table must keep the exact instant Orleans computes ticks from.
        StartAt = startAt ?? new DateTime(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc).AddTicks(5_897_932),
        Period = period ?? TimeSpan.FromMinutes(15).Add(TimeSpan.FromTicks(3)),
    };

    /// <summary>Upserts <paramref name="entry"/> into <paramref name="table"/> (the table under test by default) and sets the returned ETag on it.</summary>
    protected async Task<ReminderEntry> UpsertAsync(ReminderEntry entry, IReminderTable? table = null)
    {
        var eTag = await (table ?? Table).UpsertRow(entry);
        Assert.False(string.IsNullOrEmpty(eTag), "UpsertRow must return the row's new ETag.");
        entry.ETag = eTag;
        return entry;
    }

    protected static void AssertSameEntry(ReminderEntry expected, ReminderEntry? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.GrainId, actual.GrainId);
        Assert.Equal(expected.ReminderName, actual.ReminderName);
        Assert.Equal(expected.StartAt, actual.StartAt);
        Assert.Equal(DateTimeKind.Utc, actual.StartAt.Kind);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.ETag, actual.ETag);
    }

    /// <summary>Upserts one reminder on each of <paramref name="count"/> new grains; returns them ordered by grain hash.</summary>
    protected async Task<List<ReminderEntry>> SeedRingAsync(int count = 48)
    {
        var entries = Enumerable.Range(0, count).Select(i => NewEntry(NewGrainId(), "tick-" + i)).ToList();
        foreach (var entry in entries)
        {
            await UpsertAsync(entry);
        }

        return [.. entries.OrderBy(e => e.GrainId.GetUniformHashCode())];
    }

    /// <summary>Orleans' contract for a ring range: (begin, end], or hash &gt; begin or hash &lt;= end when begin &gt;= end.</summary>
    protected static bool InRingRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    /// <summary>Reads the range and checks it returns exactly the seeded entries the contract puts in it, each once.</summary>
    protected async Task AssertRangeAsync(IReadOnlyList<ReminderEntry> seeded, uint begin, uint end)
    {
        var rows = (await Table.ReadRows(begin, end)).Reminders;

        var expected = seeded.Where(e => InRingRange(e.GrainId.GetUniformHashCode(), begin, end)).Select(Identity).Order().ToList();
        var actual = rows.Select(Identity).Order().ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Range ({begin}, {end}]: expected {expected.Count} rows [{string.Join(", ", expected)}], got {actual.Count} [{string.Join(", ", actual)}].");
        Assert.All(rows, row => AssertSameEntry(seeded.Single(e => e.GrainId == row.GrainId && e.ReminderName == row.ReminderName), row));
    }

    private static string Identity(ReminderEntry entry) => $"{entry.GrainId}|{entry.ReminderName}";

    [Fact]
    public async Task A_new_table_has_no_reminders()
    {
        var grainId = NewGrainId();

        Assert.Empty((await Table.ReadRows(0u, 0u)).Reminders);
        Assert.Empty((await Table.ReadRows(grainId)).Reminders);
        Assert.Null(await Table.ReadRow(grainId, "escalate"));
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_every_field_and_its_etag()
    {
        var entry = await UpsertAsync(NewEntry(NewGrainId()));

        AssertSameEntry(entry, await Table.ReadRow(entry.GrainId, entry.ReminderName));
        AssertSameEntry(entry, Assert.Single((await Table.ReadRows(entry.GrainId)).Reminders));
        AssertSameEntry(entry, Assert.Single((await Table.ReadRows(0u, 0u)).Reminders));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_with_a_new_etag()
    {
        var grainId = NewGrainId();
        var first = await UpsertAsync(NewEntry(grainId));
        var second = await UpsertAsync(NewEntry(grainId, startAt: first.StartAt.AddHours(1), period: TimeSpan.FromSeconds(90)));

        Assert.NotEqual(first.ETag, second.ETag);
        AssertSameEntry(second, await Table.ReadRow(grainId, "escalate"));
        AssertSameEntry(second, Assert.Single((await Table.ReadRows(grainId)).Reminders));
    }

    [Fact]
    public async Task The_same_name_on_two_grains_is_two_reminders()
    {
        var first = await UpsertAsync(NewEntry(NewGrainId()));
        var second = await UpsertAsync(NewEntry(NewGrainId()));

        AssertSameEntry(first, await Table.ReadRow(first.GrainId, "escalate"));
        AssertSameEntry(second, await Table.ReadRow(second.GrainId, "escalate"));
        Assert.Equal(2, (await Table.ReadRows(0u, 0u)).Reminders.Count);
    }

    [Fact]
    public async Task Remove_with_the_current_etag_removes_only_that_reminder()
    {
        var grainId = NewGrainId();
        var removed = await UpsertAsync(NewEntry(grainId, "escalate"));
        var kept = await UpsertAsync(NewEntry(grainId, "follow-up"));

        Assert.True(await Table.RemoveRow(grainId, removed.ReminderName, removed.ETag!));

        Assert.Null(await Table.ReadRow(grainId, removed.ReminderName));
        AssertSameEntry(kept, Assert.Single((await Table.ReadRows(grainId)).Reminders));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_returns_false_and_keeps_the_reminder()
    {
        var grainId = NewGrainId();
        var stale = (await UpsertAsync(NewEntry(grainId))).ETag!;
        var current = await UpsertAsync(NewEntry(grainId, period: TimeSpan.FromHours(1)));

        Assert.False(await Table.RemoveRow(grainId, "escalate", stale));
        Assert.False(await Table.RemoveRow(grainId, "escalate", "not-an-etag"));

        AssertSameEntry(current, await Table.ReadRow(grainId, "escalate"));
    }

    [Fact]
    public async Task Remove_of_a_missing_reminder_returns_false()
    {
        var entry = await UpsertAsync(NewEntry(NewGrainId()));

        Assert.False(await Table.RemoveRow(NewGrainId(), "escalate", entry.ETag!));
        Assert.False(await Table.RemoveRow(entry.GrainId, "other", entry.ETag!));
        Assert.True(await Table.RemoveRow(entry.GrainId, entry.ReminderName, entry.ETag!));
        Assert.False(await Table.RemoveRow(entry.GrainId, entry.ReminderName, entry.ETag!));
    }

    [Fact]
    public async Task An_etag_from_before_a_removal_does_not_remove_the_reminder_registered_again()
    {
        var grainId = NewGrainId();
        var old = (await UpsertAsync(NewEntry(grainId))).ETag!;
        Assert.True(await Table.RemoveRow(grainId, "escalate", old));
        var again = await UpsertAsync(NewEntry(grainId));

        Assert.NotEqual(old, again.ETag);
        Assert.False(await Table.RemoveRow(grainId, "escalate", old));
        AssertSameEntry(again, await Table.ReadRow(grainId, "escalate"));
    }

    [Fact]
    public async Task Reading_a_grain_returns_all_and_only_its_reminders()
    {
        // Keys and names chosen so that naive "grain id + separator + name" keys would collide or prefix each other.
        var grainId = NewGrainId("care-team/7");
        var own = new[]
        {
            await UpsertAsync(NewEntry(grainId, "escalate")),
            await UpsertAsync(NewEntry(grainId, "escalate#2")),
            await UpsertAsync(NewEntry(grainId, "b|c")),
        };
        await UpsertAsync(NewEntry(NewGrainId("care-team/7#escalate"), "2"));
        await UpsertAsync(NewEntry(NewGrainId("care-team/7|b"), "c"));
        await UpsertAsync(NewEntry(NewGrainId("care-team/"), "7#escalate"));
        await UpsertAsync(NewEntry(NewGrainId("care-team/70"), "escalate"));
        await UpsertAsync(NewEntry(GrainId.Create("other-type", "care-team/7"), "escalate"));

        var rows = (await Table.ReadRows(grainId)).Reminders;

        Assert.Equal(own.Select(e => e.ReminderName).Order(), rows.Select(r => r.ReminderName).Order());
        Assert.All(rows, row => AssertSameEntry(own.Single(e => e.ReminderName == row.ReminderName), row));
        Assert.Empty((await Table.ReadRows(NewGrainId("care-team"))).Reminders);
    }

    [Fact]
    public async Task A_range_read_returns_the_hashes_after_begin_up_to_and_including_end()
    {
        var seeded = await SeedRingAsync();
        var hashes = seeded.Select(e => e.GrainId.GetUniformHashCode()).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());

        await AssertRangeAsync(seeded, hashes[5], hashes[20]);
        await AssertRangeAsync(seeded, hashes[5] - 1, hashes[5]);
        await AssertRangeAsync(seeded, hashes[20], hashes[20] + 1);
        await AssertRangeAsync(seeded, 0u, uint.MaxValue);
        await AssertRangeAsync(seeded, 0u, hashes[0]);
        await AssertRangeAsync(seeded, hashes[^1], uint.MaxValue);
        await AssertRangeAsync(seeded, hashes[^2], hashes[^1]);
        await AssertRangeAsync(seeded, uint.MaxValue / 2, uint.MaxValue / 2 + 1);

        // Each boundary really is one: the row at begin is outside, the row at end inside.
        var rows = (await Table.ReadRows(hashes[5], hashes[20])).Reminders;
        Assert.DoesNotContain(rows, r => r.GrainId == seeded[5].GrainId);
        Assert.Contains(rows, r => r.GrainId == seeded[20].GrainId);
        Assert.Equal(15, rows.Count);
    }

    [Fact]
    public async Task A_range_read_with_begin_at_or_after_end_wraps_around_the_ring()
    {
        var seeded = await SeedRingAsync();
        var hashes = seeded.Select(e => e.GrainId.GetUniformHashCode()).ToList();

        await AssertRangeAsync(seeded, hashes[40], hashes[7]);
        await AssertRangeAsync(seeded, hashes[^1], hashes[0]);
        await AssertRangeAsync(seeded, hashes[7], hashes[7]);
        await AssertRangeAsync(seeded, uint.MaxValue, hashes[7]);
        await AssertRangeAsync(seeded, hashes[40], 0u);
        await AssertRangeAsync(seeded, uint.MaxValue, uint.MaxValue);
        await AssertRangeAsync(seeded, 0u, 0u);

        // begin == end is the whole ring, every row once.
        Assert.Equal(seeded.Count, (await Table.ReadRows(hashes[7], hashes[7])).Reminders.Count);
    }

    [Fact]
    public async Task Clearing_removes_every_reminder_of_the_service_and_nothing_of_another()
    {
        var other = await OpenTableAsync("other-" + ServiceId);
        var theirs = await UpsertAsync(NewEntry(NewGrainId()), other);
        var ours = await SeedRingAsync(8);
        Assert.DoesNotContain((await Table.ReadRows(0u, 0u)).Reminders, r => r.GrainId == theirs.GrainId);
        Assert.Null(await Table.ReadRow(theirs.GrainId, theirs.ReminderName));

        await Table.TestOnlyClearTable();

        Assert.Empty((await Table.ReadRows(0u, 0u)).Reminders);
        Assert.Empty((await Table.ReadRows(ours[0].GrainId)).Reminders);
        AssertSameEntry(theirs, await other.ReadRow(theirs.GrainId, theirs.ReminderName));
        AssertSameEntry(theirs, Assert.Single((await other.ReadRows(0u, 0u)).Reminders));
    }

    [Fact]
    public async Task Reminders_survive_a_restart_of_the_table()
    {
        var seeded = await SeedRingAsync(6);
        var replaced = await UpsertAsync(NewEntry(seeded[0].GrainId, seeded[0].ReminderName, period: TimeSpan.FromMinutes(2)));
        seeded[0] = replaced;

        await ReopenTableAsync();

        foreach (var entry in seeded)
        {
            AssertSameEntry(entry, await Table.ReadRow(entry.GrainId, entry.ReminderName));
        }

        await AssertRangeAsync(seeded, 0u, 0u);
        Assert.True(await Table.RemoveRow(replaced.GrainId, replaced.ReminderName, replaced.ETag!));
    }

    [Fact]
    public async Task Concurrent_upserts_of_different_reminders_all_land_with_distinct_etags()
    {
        var grainId = NewGrainId();
        var entries = Enumerable.Range(0, 32).Select(i => NewEntry(i % 2 == 0 ? grainId : NewGrainId(), "r" + i)).ToList();

        await Task.WhenAll(entries.Select(entry => UpsertAsync(entry)));

        Assert.Equal(entries.Count, entries.Select(e => e.ETag).Distinct().Count());
        foreach (var entry in entries)
        {
            AssertSameEntry(entry, await Table.ReadRow(entry.GrainId, entry.ReminderName));
        }

        Assert.Equal(16, (await Table.ReadRows(grainId)).Reminders.Count);
        await AssertRangeAsync(entries, 0u, 0u);
    }
}
