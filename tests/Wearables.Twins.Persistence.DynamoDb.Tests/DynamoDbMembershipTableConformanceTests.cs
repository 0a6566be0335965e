using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>The shared membership table conformance suite against <see cref="DynamoDbMembershipTable"/> on dynalite.</summary>
public sealed class DynamoDbMembershipTableConformanceTests : MembershipTableConformance
{
    // One table for the class; every test works in a cluster id (partition) of its own.
    private static readonly string TableName = DynamoDbTestServices.UniqueTableName("membership-conformance");

    protected override async Task<IMembershipTable> CreateTableAsync(string clusterId) =>
        await DynamoDbTestServices.CreateMembershipTableAsync(TableName, clusterId);
}
