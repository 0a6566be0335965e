using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>What only the DynamoDB provider has to do: states past the 400 KB item limit, its table, its items.</summary>
public sealed class DynamoDbGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "large";
    private const int OverItemLimit = 600 * 1024;

    private static readonly string TableName = DynamoDbTestServices.UniqueTableName("storage");

    private ServiceProvider? _services;
    private DynamoDbGrainStorage? _storage;

    private DynamoDbGrainStorage Storage => _storage!;

    public async Task InitializeAsync()
    {
        _services = await DynamoDbTestServices.BuildStorageServicesAsync(TableName);
        _storage = await _services.StartStorageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private static GrainId NewGrainId() => GrainId.Create("large", Guid.NewGuid().ToString("N"));

    private async Task<GrainState<LargeState>> ReadAsync(GrainId grainId)
    {
        var state = new GrainState<LargeState> { State = new LargeState() };
        await Storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ItemsOfAsync(GrainId grainId)
    {
        using var client = await DynamoDbTestServices.RawClientAsync();
        var response = await client.QueryAsync(new QueryRequest
        {
            TableName = TableName,
            ConsistentRead = true,
            KeyConditionExpression = "GrainKey = :key",
            ExpressionAttributeValues = new() { [":key"] = new AttributeValue { S = $"dynamodb-tests/{grainId}" } },
        });
        return response.Items ?? [];
    }

    [Fact]
    public async Task An_incompressible_state_over_400_KB_is_split_across_items_and_reads_back_whole()
    {
        var grainId = NewGrainId();
        var written = new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed: 1) };

        await Storage.WriteStateAsync(StateName, grainId, written);

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State!.Blob, read.State!.Blob);

        var items = await ItemsOfAsync(grainId);
        Assert.Equal(3, items.Count); // the main item and two chunks of at most 350 KB
        var main = Assert.Single(items, i => i["StateName"].S == StateName);
        Assert.Equal("2", main["Chunks"].N);
        Assert.Equal("raw", main["Encoding"].S);
    }

    [Fact]
    public async Task A_compressible_state_over_400_KB_is_stored_compressed_in_one_item()
    {
        var grainId = NewGrainId();
        var written = new GrainState<LargeState> { State = LargeState.Compressible(2 * 1024 * 1024) };

        await Storage.WriteStateAsync(StateName, grainId, written);

        Assert.Equal(written.State!.Text, (await ReadAsync(grainId)).State!.Text);
        var main = Assert.Single(await ItemsOfAsync(grainId));
        Assert.Equal("br", main["Encoding"].S);
        Assert.False(main.ContainsKey("Chunks"));
        Assert.True(main["Data"].B!.Length < 100 * 1024);
    }

    [Fact]
    public async Task Overwriting_and_clearing_a_split_state_removes_its_old_chunks()
    {
        var grainId = NewGrainId();
        var state = new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed: 2) };
        await Storage.WriteStateAsync(StateName, grainId, state);

        state.State = LargeState.Incompressible(900 * 1024, seed: 3);
        await Storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal(4, (await ItemsOfAsync(grainId)).Count); // main + three chunks of the new ETag only
        Assert.Equal(state.State!.Blob, (await ReadAsync(grainId)).State!.Blob);

        await Storage.ClearStateAsync(StateName, grainId, state);
        Assert.Empty(await ItemsOfAsync(grainId));
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Conflicting_writers_of_a_split_state_leave_exactly_one_whole_state_and_no_stray_chunks()
    {
        var grainId = NewGrainId();
        var first = new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed: 4) };
        await Storage.WriteStateAsync(StateName, grainId, first);
        var writers = Enumerable.Range(10, 4)
            .Select(seed => new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed), ETag = first.ETag })
            .ToArray();

        var outcomes = await Task.WhenAll(writers.Select(async w =>
        {
            try
            {
                await Storage.WriteStateAsync(StateName, grainId, w);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var winner = writers[Assert.Single(Enumerable.Range(0, writers.Length), i => outcomes[i])];
        var read = await ReadAsync(grainId);
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(winner.State!.Blob, read.State!.Blob);
        Assert.Equal(3, (await ItemsOfAsync(grainId)).Count);
    }

    [Fact]
    public async Task A_stale_writer_of_a_large_state_gets_the_stored_and_held_etags_in_the_conflict()
    {
        var grainId = NewGrainId();
        var current = new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed: 5) };
        await Storage.WriteStateAsync(StateName, grainId, current);
        var stale = new GrainState<LargeState> { State = LargeState.Incompressible(OverItemLimit, seed: 6), ETag = "stale" };

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal("stale", conflict.CurrentEtag);
        Assert.Equal(current.State!.Blob, (await ReadAsync(grainId)).State!.Blob);
        Assert.Equal(3, (await ItemsOfAsync(grainId)).Count);
    }
}
