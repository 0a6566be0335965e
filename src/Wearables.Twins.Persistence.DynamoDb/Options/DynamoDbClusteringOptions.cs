namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Options of the DynamoDB membership table (silos) and gateway list (clients). One table can hold several clusters:
/// items are partitioned by cluster id.
/// </summary>
public sealed class DynamoDbClusteringOptions : DynamoDbConnectionOptions
{
    /// <summary>Creates options with the default table name <c>TwinsMembership</c>.</summary>
    public DynamoDbClusteringOptions() => TableName = "TwinsMembership";
}
