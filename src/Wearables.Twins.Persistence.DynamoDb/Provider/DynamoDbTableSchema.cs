namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>The key schema a provider needs: a string hash key and a string range key.</summary>
/// <param name="HashKey">Name of the partition key attribute.</param>
/// <param name="RangeKey">Name of the sort key attribute.</param>
internal sealed record DynamoDbTableSchema(string HashKey, string RangeKey);
