using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.Tests.Common;

public sealed class RecentIdsTests
{
    [Fact]
    public void AddReturnsTrueOnceThenFalse()
    {
        var ids = new RecentIds();

        Assert.False(ids.Contains("m1"));
        Assert.True(ids.Add("m1"));
        Assert.True(ids.Contains("m1"));
        Assert.False(ids.Add("m1"));
        Assert.Single(ids.Order);
    }

    [Fact]
    public void IdsAreComparedOrdinally()
    {
        var ids = new RecentIds();
        ids.Add("msg-a");

        Assert.False(ids.Contains("MSG-A"));
        Assert.True(ids.Add("MSG-A"));
    }

    [Fact]
    public void OnlyTheLastCapacityIdsAreKept()
    {
        var ids = new RecentIds();

        for (var i = 0; i < RecentIds.Capacity + 10; i++)
        {
            Assert.True(ids.Add($"m{i}"));
            Assert.True(ids.Order.Count <= RecentIds.Capacity);
        }

        Assert.Equal(RecentIds.Capacity, ids.Order.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.False(ids.Contains($"m{i}"));
        }

        for (var i = 10; i < RecentIds.Capacity + 10; i++)
        {
            Assert.True(ids.Contains($"m{i}"));
        }
    }

    [Fact]
    public void AnEvictedIdCanBeAddedAgain()
    {
        var ids = new RecentIds();
        for (var i = 0; i <= RecentIds.Capacity; i++)
        {
            ids.Add($"m{i}");
        }

        Assert.False(ids.Contains("m0"));
        Assert.True(ids.Add("m0"));
        Assert.True(ids.Contains("m0"));
        Assert.False(ids.Contains("m1"));
        Assert.Equal(RecentIds.Capacity, ids.Order.Count);
    }

    [Fact]
    public void ReAddingAKnownIdDoesNotRefreshItsAge()
    {
        var ids = new RecentIds();
        ids.Add("first");
        for (var i = 0; i < RecentIds.Capacity - 1; i++)
        {
            ids.Add($"m{i}");
        }

        Assert.False(ids.Add("first"));
        ids.Add("one-more");

        Assert.False(ids.Contains("first"));
    }

    [Fact]
    public void LookupIsRebuiltAfterSerializationAndCopy()
    {
        var ids = new RecentIds();
        for (var i = 0; i <= RecentIds.Capacity; i++)
        {
            ids.Add($"m{i}");
        }

        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var copier = services.GetRequiredService<DeepCopier>();

        foreach (var restored in new[] { serializer.Deserialize<RecentIds>(serializer.SerializeToArray(ids)), copier.Copy(ids) })
        {
            Assert.NotNull(restored);
            Assert.NotSame(ids, restored);
            Assert.False(restored.Contains("m0"));
            Assert.True(restored.Contains("m1"));
            Assert.False(restored.Add($"m{RecentIds.Capacity}"));
            Assert.True(restored.Add("new"));
            Assert.False(restored.Contains("m1"));
            Assert.Equal(RecentIds.Capacity, restored.Order.Count);
        }
    }
}
