using Orleans.TestingHost;
using Wearables.Twins.Hosting.Clustering.Tests.Grains;

namespace Wearables.Twins.Hosting.Clustering.Tests;

/// <summary><c>Twins:Cluster:Membership = redis</c> forms a real cluster on a real redis-server.</summary>
public sealed class RedisClusteringTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private async Task<TestCluster> DeployAsync(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        // The test cluster's own in-memory membership would hide the provider under test.
        builder.Options.UseTestClusterMembership = false;
        builder.Properties["Twins:Cluster:Membership"] = "redis";
        builder.Properties["Twins:Cluster:Redis:ConnectionString"] = redis.Server.ConnectionString;
        builder.AddSiloBuilderConfigurator<TwinsClusteringConfigurator>();
        builder.AddClientBuilderConfigurator<TwinsClusteringConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Fact]
    public async Task Two_silos_join_one_cluster_through_redis_and_serve_grains_on_both()
    {
        await using var cluster = await DeployAsync(2);
        var management = cluster.Client.GetGrain<IManagementGrain>(0);

        var hosts = await management.GetHosts(onlyActive: true);
        Assert.Equal(cluster.Silos.Select(s => s.SiloAddress).ToHashSet(), hosts.Keys.ToHashSet());

        // Random placement over 2 silos: 64 grains all landing on one silo has probability 2^-63.
        var places = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => cluster.Client.GetGrain<IWhereGrain>(i).SiloAsync()));
        Assert.Equal(hosts.Keys.ToHashSet(), places.ToHashSet());
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_stopped_silo_leaves_the_redis_membership_and_the_cluster_keeps_serving()
    {
        await using var cluster = await DeployAsync(2);
        var staying = cluster.Silos[0];
        var leaving = cluster.Silos[1];

        await cluster.StopSiloAsync(leaving);

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: false);
        Assert.Equal(SiloStatus.Dead, hosts[leaving.SiloAddress]);
        Assert.Equal(staying.SiloAddress, await cluster.Client.GetGrain<IWhereGrain>(1).SiloAsync());
        await cluster.StopAllSilosAsync();
    }
}
