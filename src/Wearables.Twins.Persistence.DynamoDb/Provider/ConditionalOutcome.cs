namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Result of an ETag-checked write or delete: applied, or refused with the ETag found in the table (null when there is
/// no item).
/// </summary>
internal readonly record struct ConditionalOutcome(bool Applied, string? StoredETag)
{
    public static ConditionalOutcome Success => new(true, null);

    public static ConditionalOutcome Conflict(string? storedETag) => new(false, storedETag);
}
