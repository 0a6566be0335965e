namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>The version row as read: the table version, its ETag, and the write in progress, if any.</summary>
internal sealed record MembershipVersionRow(int Version, string ETag, MembershipWriteIntent? Pending);
