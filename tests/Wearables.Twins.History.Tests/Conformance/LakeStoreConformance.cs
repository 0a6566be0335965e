using System.Text;
using Wearables.Twins.History.Storage;

namespace Wearables.Twins.History.Tests.Conformance;

/// <summary>What every <see cref="ILakeStore"/> must do; run once per implementation.</summary>
public abstract class LakeStoreConformance
{
    protected abstract Task<ILakeStore> CreateStoreAsync();

    [Fact]
    public async Task Put_then_open_returns_the_same_bytes()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("vitals/vital=spo2/date=2026-11-27/a.parquet", Content("hello"), CancellationToken.None);

        Assert.Equal("hello", await ReadAsync(store, "vitals/vital=spo2/date=2026-11-27/a.parquet"));
    }

    [Fact]
    public async Task Put_replaces_an_existing_object_whole()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("x/a.parquet", Content("a much longer first version"), CancellationToken.None);
        await store.PutAsync("x/a.parquet", Content("second"), CancellationToken.None);

        Assert.Equal("second", await ReadAsync(store, "x/a.parquet"));
        var listed = Assert.Single(await ListAsync(store, "x/"));
        Assert.Equal(6, listed.Size);
    }

    [Fact]
    public async Task List_returns_only_keys_under_the_prefix_with_sizes()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("vitals/vital=heart_rate/date=2026-11-27/a.parquet", Content("1"), CancellationToken.None);
        await store.PutAsync("vitals/vital=heart_rate/date=2026-11-28/b.parquet", Content("22"), CancellationToken.None);
        await store.PutAsync("vitals/vital=heart_rate_x/date=2026-11-28/c.parquet", Content("333"), CancellationToken.None);
        await store.PutAsync("vitals/vital=spo2/date=2026-11-27/d.parquet", Content("4444"), CancellationToken.None);

        var heart = await ListAsync(store, "vitals/vital=heart_rate/");
        var day = await ListAsync(store, "vitals/vital=heart_rate/date=2026-11-27/");
        var all = await ListAsync(store, "vitals/");

        Assert.Equal(["vitals/vital=heart_rate/date=2026-11-27/a.parquet", "vitals/vital=heart_rate/date=2026-11-28/b.parquet"], heart.Select(o => o.Key).Order());
        Assert.Equal([2L], heart.Where(o => o.Key.EndsWith("b.parquet", StringComparison.Ordinal)).Select(o => o.Size));
        Assert.Equal(["vitals/vital=heart_rate/date=2026-11-27/a.parquet"], day.Select(o => o.Key));
        Assert.Equal(4, all.Count);
        Assert.Empty(await ListAsync(store, "vitals/vital=none/"));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_deleting_a_missing_one_is_fine()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("d/a.parquet", Content("x"), CancellationToken.None);

        await store.DeleteAsync("d/a.parquet", CancellationToken.None);
        await store.DeleteAsync("d/a.parquet", CancellationToken.None);
        await store.DeleteAsync("d/never.parquet", CancellationToken.None);

        Assert.Empty(await ListAsync(store, "d/"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync("d/a.parquet", CancellationToken.None));
    }

    [Fact]
    public async Task Many_objects_are_listed_across_pages()
    {
        var store = await CreateStoreAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1100), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => await store.PutAsync($"many/{i:D5}.parquet", Content("x"), ct));

        Assert.Equal(1100, (await ListAsync(store, "many/")).Count);
    }

    private static MemoryStream Content(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadAsync(ILakeStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    private static async Task<List<LakeObject>> ListAsync(ILakeStore store, string prefix)
    {
        var items = new List<LakeObject>();
        await foreach (var item in store.ListAsync(prefix, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }
}
