using Orleans.Storage;

namespace Wearables.Twins.Persistence.Conformance;

/// <summary>
/// What every <see cref="IGrainStorage"/> of this project must do, independent of the backing store. A provider's test
/// class derives from it and says how to open and close a provider over one backing store (a file, a table); each test
/// gets a fresh instance, and so a fresh store.
/// </summary>
/// <remarks>
/// State is stored with whatever serializer the provider is configured with; <see cref="ConformanceState"/> has
/// Orleans-generated serializers and is a plain class, so the Orleans binary and JSON serializers both handle it.
/// </remarks>
public abstract class GrainStorageConformance : IAsyncLifetime
{
    protected const string StateName = "conformance";

    private IGrainStorage? _storage;

    /// <summary>The provider under test, opened before each test.</summary>
    protected IGrainStorage Storage => _storage ?? throw new InvalidOperationException("The storage is not open.");

    /// <summary>
    /// Opens (and starts) a provider over this test's backing store. Called once before each test and again after
    /// <see cref="CloseStorageAsync"/> to reopen the same store.
    /// </summary>
    protected abstract Task<IGrainStorage> OpenStorageAsync();

    /// <summary>Stops and disposes a provider opened by <see cref="OpenStorageAsync"/>; the store keeps its data.</summary>
    protected abstract Task CloseStorageAsync(IGrainStorage storage);

    /// <summary>Removes this test's backing store, after the provider was closed.</summary>
    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _storage = await OpenStorageAsync();

    public async Task DisposeAsync()
    {
        if (_storage is { } storage)
        {
            _storage = null;
            await CloseStorageAsync(storage);
        }

        await DeleteStoreAsync();
    }

    /// <summary>Closes the provider and opens a new one over the same store.</summary>
    protected async Task ReopenStorageAsync()
    {
        var storage = Storage;
        _storage = null;
        await CloseStorageAsync(storage);
        _storage = await OpenStorageAsync();
    }

    protected static GrainId NewGrainId() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    protected static GrainState<ConformanceState> NewState(ConformanceState? state = null, string? eTag = null) =>
        new() { State = state ?? new ConformanceState(), ETag = eTag };

    protected async Task<GrainState<ConformanceState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var state = NewState();
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    /// <summary>Runs a write and returns the conflict it raised, or null when it succeeded.</summary>
    protected async Task<InconsistentStateException?> TryWriteAsync(GrainId grainId, GrainState<ConformanceState> state)
    {
        try
        {
            await Storage.WriteStateAsync(StateName, grainId, state);
            return null;
        }
        catch (InconsistentStateException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Read_of_a_missing_record_reports_no_record_and_no_etag()
    {
        var read = await ReadAsync(NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.Value());
        Assert.Equal(string.Empty, read.Value().Name);
    }

    [Fact]
    public async Task Write_then_read_round_trips_every_field()
    {
        var grainId = NewGrainId();
        var written = NewState(ConformanceState.Sample(7));

        await Storage.WriteStateAsync(StateName, grainId, written);

        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        ConformanceState.AssertEquivalent(ConformanceState.Sample(7), read.Value());
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        var grainId = NewGrainId();
        var state = NewState(ConformanceState.Sample(1));

        await Storage.WriteStateAsync(StateName, grainId, state);
        var first = state.ETag;
        state.Value().Count = 2;
        await Storage.WriteStateAsync(StateName, grainId, state);

        Assert.NotEqual(first, state.ETag);
        var read = await ReadAsync(grainId);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(2, read.Value().Count);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_throws_and_keeps_the_stored_state()
    {
        var grainId = NewGrainId();
        var current = NewState(ConformanceState.Sample(1));
        await Storage.WriteStateAsync(StateName, grainId, current);
        var stale = NewState(ConformanceState.Sample(99), current.ETag);
        current.Value().Count = 2;
        await Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(grainId);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal(2, read.Value().Count);
    }

    [Fact]
    public async Task First_write_over_an_existing_record_throws()
    {
        var grainId = NewGrainId();
        var existing = NewState(ConformanceState.Sample(1));
        await Storage.WriteStateAsync(StateName, grainId, existing);

        var unaware = NewState(ConformanceState.Sample(2));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, unaware));

        var read = await ReadAsync(grainId);
        Assert.Equal(existing.ETag, read.ETag);
        Assert.Equal(1, read.Value().Count);
    }

    [Fact]
    public async Task Write_with_an_etag_after_the_record_was_cleared_elsewhere_throws()
    {
        var grainId = NewGrainId();
        var mine = NewState(ConformanceState.Sample(1));
        await Storage.WriteStateAsync(StateName, grainId, mine);
        var theirs = NewState(ConformanceState.Sample(1), mine.ETag);
        await Storage.ClearStateAsync(StateName, grainId, theirs);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, mine));
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Concurrent_first_writes_let_exactly_one_win()
    {
        const int Writers = 8;
        var grainId = NewGrainId();
        var states = Enumerable.Range(1, Writers).Select(i => NewState(ConformanceState.Sample(i))).ToArray();

        var outcomes = await Task.WhenAll(states.Select(state => TryWriteAsync(grainId, state)));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i] is null);
        var read = await ReadAsync(grainId);
        Assert.Equal(states[winner].ETag, read.ETag);
        ConformanceState.AssertEquivalent(ConformanceState.Sample(winner + 1), read.Value());
    }

    [Fact]
    public async Task A_conflict_does_not_fail_concurrent_writes_to_other_grains()
    {
        var contested = NewGrainId();
        var current = NewState(ConformanceState.Sample(1));
        await Storage.WriteStateAsync(StateName, contested, current);
        var stale = NewState(ConformanceState.Sample(2), "not-the-stored-etag");

        var others = Enumerable.Range(1, 20).Select(i => (Id: NewGrainId(), State: NewState(ConformanceState.Sample(i)))).ToArray();
        var writes = others.Select(o => TryWriteAsync(o.Id, o.State)).Append(TryWriteAsync(contested, stale)).ToArray();
        var outcomes = await Task.WhenAll(writes);

        Assert.All(outcomes.Take(others.Length), Assert.Null);
        Assert.NotNull(outcomes[^1]);
        foreach (var (id, state) in others)
        {
            Assert.Equal(state.ETag, (await ReadAsync(id)).ETag);
        }
    }

    [Fact]
    public async Task Clear_then_read_reports_no_record()
    {
        var grainId = NewGrainId();
        var state = NewState(ConformanceState.Sample(3));
        await Storage.WriteStateAsync(StateName, grainId, state);

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.Value().Name);
        Assert.Empty(state.Value().Tags);

        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Write_after_clear_creates_the_record_again()
    {
        var grainId = NewGrainId();
        var state = NewState(ConformanceState.Sample(3));
        await Storage.WriteStateAsync(StateName, grainId, state);
        await Storage.ClearStateAsync(StateName, grainId, state);

        state.State = ConformanceState.Sample(4);
        await Storage.WriteStateAsync(StateName, grainId, state);

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        ConformanceState.AssertEquivalent(ConformanceState.Sample(4), read.Value());
    }

    [Fact]
    public async Task Clear_of_a_missing_record_succeeds()
    {
        var state = NewState();

        await Storage.ClearStateAsync(StateName, NewGrainId(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_throws_and_keeps_the_record()
    {
        var grainId = NewGrainId();
        var current = NewState(ConformanceState.Sample(1));
        await Storage.WriteStateAsync(StateName, grainId, current);
        var stale = NewState(ConformanceState.Sample(1), current.ETag);
        current.Value().Count = 5;
        await Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal(5, read.Value().Count);
    }

    [Fact]
    public async Task Hundred_concurrent_writes_to_different_grains_all_succeed()
    {
        var grains = Enumerable.Range(1, 100).Select(i => (Id: NewGrainId(), State: NewState(ConformanceState.Sample(i)))).ToArray();

        await Task.WhenAll(grains.Select(g => Storage.WriteStateAsync(StateName, g.Id, g.State)));

        Assert.Equal(100, grains.Select(g => g.State.ETag).Distinct().Count());
        var reads = await Task.WhenAll(grains.Select(g => ReadAsync(g.Id)));
        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(grains[i].State.ETag, reads[i].ETag);
            ConformanceState.AssertEquivalent(ConformanceState.Sample(i + 1), reads[i].Value());
        }
    }

    [Fact]
    public async Task States_of_one_grain_under_different_names_are_kept_apart()
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync("first", grainId, NewState(ConformanceState.Sample(1)));
        await Storage.WriteStateAsync("second", grainId, NewState(ConformanceState.Sample(2)));

        Assert.Equal(1, (await ReadAsync(grainId, "first")).Value().Count);
        Assert.Equal(2, (await ReadAsync(grainId, "second")).Value().Count);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Data_survives_closing_and_reopening_the_provider()
    {
        var grainId = NewGrainId();
        var written = NewState(ConformanceState.Sample(11));
        await Storage.WriteStateAsync(StateName, grainId, written);
        var cleared = NewGrainId();
        var gone = NewState(ConformanceState.Sample(12));
        await Storage.WriteStateAsync(StateName, cleared, gone);
        await Storage.ClearStateAsync(StateName, cleared, gone);

        await ReopenStorageAsync();

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        ConformanceState.AssertEquivalent(ConformanceState.Sample(11), read.Value());
        Assert.False((await ReadAsync(cleared)).RecordExists);

        // The ETag read back still guards the next write.
        read.Value().Count = 12;
        await Storage.WriteStateAsync(StateName, grainId, read);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, written));
    }
}
