using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>Points test-cluster silos and clients at dynalite: DynamoDB membership, gateways and grain storage.</summary>
public sealed class DynaliteConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    public const string ServiceUrlKey = "Dynalite:ServiceUrl";
    public const string MembershipTableKey = "Dynalite:MembershipTable";
    public const string StorageTableKey = "Dynalite:StorageTable";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.UseDynamoDbClustering(ob => ob.Configure(o => Apply(o, configuration, MembershipTableKey)));
        siloBuilder.AddDynamoDbGrainStorage("dynamodb", ob => ob.Configure(o => Apply(o, configuration, StorageTableKey)));
        // Detect a dead silo within seconds rather than the production default of tens of seconds.
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        });
    }

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseDynamoDbClustering(ob => ob.Configure(o => Apply(o, configuration, MembershipTableKey)));

    private static void Apply(DynamoDbConnectionOptions options, IConfiguration configuration, string tableKey)
    {
        options.ServiceUrl = configuration[ServiceUrlKey];
        options.AccessKey = "local";
        options.SecretKey = "local";
        options.TableName = configuration[tableKey] ?? string.Empty;
        options.CreateIfNotExists = true;
    }
}
