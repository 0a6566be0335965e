namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>A state read back from the table, still encoded.</summary>
internal readonly record struct StoredState(string ETag, EncodedPayload Payload);
