using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// A silo-row write recorded on the version row before it is applied, so any reader or writer can finish it.
/// Everything a finisher needs is fixed up front (the new row ETag, the new version and its ETag), so every finisher
/// writes the same values.
/// </summary>
/// <param name="Row">Sort key of the silo row.</param>
/// <param name="ExpectedETag">The row ETag the write requires; null for an insert (the row must not exist).</param>
/// <param name="NewETag">The row's ETag after the write; unique, so it also identifies the intent.</param>
/// <param name="NewVersion">The table version once the write is applied.</param>
/// <param name="NewVersionETag">The version ETag once the write is applied.</param>
/// <param name="Entry">The row attributes to write (without key and ETag).</param>
internal sealed record MembershipWriteIntent(
    string Row,
    string? ExpectedETag,
    string NewETag,
    int NewVersion,
    string NewVersionETag,
    Dictionary<string, AttributeValue> Entry)
{
    public void WriteTo(Dictionary<string, AttributeValue> versionRow)
    {
        versionRow[MembershipRow.PendingRow] = AttributeValues.String(Row);
        if (ExpectedETag is not null)
        {
            versionRow[MembershipRow.PendingExpectedETag] = AttributeValues.String(ExpectedETag);
        }

        versionRow[MembershipRow.PendingETag] = AttributeValues.String(NewETag);
        versionRow[MembershipRow.PendingVersion] = AttributeValues.Number(NewVersion);
        versionRow[MembershipRow.PendingVersionETag] = AttributeValues.String(NewVersionETag);
        versionRow[MembershipRow.PendingEntry] = new AttributeValue { M = Entry };
    }

    public static MembershipWriteIntent? ReadFrom(Dictionary<string, AttributeValue>? versionRow)
    {
        if (versionRow.GetString(MembershipRow.PendingRow) is not { } row)
        {
            return null;
        }

        return new MembershipWriteIntent(
            row,
            versionRow.GetString(MembershipRow.PendingExpectedETag),
            versionRow.GetString(MembershipRow.PendingETag) ?? throw new InvalidDataException("A pending membership write has no ETag."),
            (int)(versionRow.GetNumber(MembershipRow.PendingVersion) ?? throw new InvalidDataException("A pending membership write has no version.")),
            versionRow.GetString(MembershipRow.PendingVersionETag) ?? throw new InvalidDataException("A pending membership write has no version ETag."),
            versionRow![MembershipRow.PendingEntry].M ?? []);
    }
}
