using Orleans.TestingHost;
using Wearables.Twins.Persistence.DynamoDb.Tests.Grains;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>Two in-process silos whose only shared services are the DynamoDB membership table and grain storage.</summary>
public sealed class DynamoDbClusterTests
{
    private static readonly string MembershipTable = DynamoDbTestServices.UniqueTableName("cluster-membership");
    private static readonly string StorageTable = DynamoDbTestServices.UniqueTableName("cluster-storage");

    private static async Task<TestCluster> BuildClusterAsync()
    {
        var builder = new TestClusterBuilder(2);
        // The test cluster's own in-memory membership would hide the provider under test.
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[DynaliteConfigurator.ServiceUrlKey] = (await LocalServers.DynamoDbAsync()).ToString();
        builder.Properties[DynaliteConfigurator.MembershipTableKey] = MembershipTable;
        builder.Properties[DynaliteConfigurator.StorageTableKey] = StorageTable;
        builder.AddSiloBuilderConfigurator<DynaliteConfigurator>();
        builder.AddClientBuilderConfigurator<DynaliteConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static async Task<MembershipTableData> ReadMembershipAsync(string clusterId)
    {
        using var table = await DynamoDbTestServices.CreateMembershipTableAsync(MembershipTable, clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: false, CancellationToken.None);
        return await table.ReadAllAsync(CancellationToken.None);
    }

    /// <summary>Waits until the table says <paramref name="silo"/> is dead: the survivors' verdict, written in DynamoDB.</summary>
    private static async Task WaitUntilDeadAsync(string clusterId, SiloAddress silo, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var data = await ReadMembershipAsync(clusterId);
            if (data.TryGet(silo)?.Item1.Status == SiloStatus.Dead)
            {
                return;
            }

            // The membership table offers no change notification; polling it is how clients see it too.
            await Task.Delay(200, timeout.Token);
        }
    }

    [Fact]
    public async Task Both_silos_register_as_active_in_the_dynamodb_table()
    {
        await using var cluster = await BuildClusterAsync();

        var data = await ReadMembershipAsync(cluster.Options.ClusterId);

        var active = data.Members.Where(m => m.Item1.Status == SiloStatus.Active).Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(cluster.Silos.Select(s => s.SiloAddress).ToHashSet(), active);
        Assert.All(data.Members, m => Assert.True(m.Item1.ProxyPort > 0));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_grain_state_survives_the_stop_of_its_silo_which_is_marked_dead()
    {
        await using var cluster = await BuildClusterAsync();
        var grain = cluster.Client.GetGrain<ICounterGrain>("patient-" + Guid.NewGuid().ToString("N"));
        await grain.AddAsync(5);
        await grain.AddAsync(6);
        var before = await grain.GetAsync();
        var host = cluster.Silos.Single(s => s.SiloAddress.Equals(before.Silo));

        await cluster.StopSiloAsync(host);

        var data = await ReadMembershipAsync(cluster.Options.ClusterId);
        Assert.Equal(SiloStatus.Dead, data.TryGet(host.SiloAddress)!.Item1.Status);
        var after = await grain.GetAsync();
        Assert.NotEqual(before.Silo, after.Silo);
        Assert.True(after.RecordExists);
        Assert.Equal(11, after.Total);
        Assert.Equal(12, await grain.AddAsync(1));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_the_survivor_and_its_grains_come_back_with_their_state()
    {
        await using var cluster = await BuildClusterAsync();
        var grain = cluster.Client.GetGrain<ICounterGrain>("patient-" + Guid.NewGuid().ToString("N"));
        await grain.AddAsync(7);
        var before = await grain.GetAsync();
        var victim = cluster.Silos.Single(s => s.SiloAddress.Equals(before.Silo));

        await cluster.KillSiloAsync(victim);
        await WaitUntilDeadAsync(cluster.Options.ClusterId, victim.SiloAddress, TimeSpan.FromSeconds(60));

        var after = await grain.GetAsync();
        Assert.NotEqual(before.Silo, after.Silo);
        Assert.Equal(7, after.Total);
        await cluster.StopAllSilosAsync();
    }
}
