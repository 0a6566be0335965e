using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// The DynamoDB operations of the membership protocol for one cluster partition, each a single-item (conditional)
/// request. <see cref="DynamoDbMembershipTable"/> composes them; the README explains why the composition is safe.
/// </summary>
internal sealed class MembershipTableStore(IAmazonDynamoDB client, string tableName, string clusterId)
{
    private static readonly Dictionary<string, string> PendingNames = new()
    {
        ["#pr"] = MembershipRow.PendingRow,
        ["#pe"] = MembershipRow.PendingExpectedETag,
        ["#pt"] = MembershipRow.PendingETag,
        ["#pv"] = MembershipRow.PendingVersion,
        ["#pve"] = MembershipRow.PendingVersionETag,
        ["#pen"] = MembershipRow.PendingEntry,
    };

    private const string RemovePending = "REMOVE #pr, #pe, #pt, #pv, #pve, #pen";

    public string ClusterId => clusterId;

    /// <summary>Creates the version row (version 0) unless it exists; true when this call created it.</summary>
    public async Task<bool> EnsureVersionRowAsync(CancellationToken cancellationToken)
    {
        var item = Key(MembershipRow.VersionRowKey);
        item[MembershipRow.Version] = AttributeValues.Number(0);
        item[MembershipRow.VersionETag] = AttributeValues.String(NewETag());
        try
        {
            await client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = "attribute_not_exists(#row)",
                ExpressionAttributeNames = new() { ["#row"] = MembershipRow.Row },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<MembershipVersionRow?> ReadVersionRowAsync(CancellationToken cancellationToken)
    {
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(MembershipRow.VersionRowKey),
            ConsistentRead = true,
        }, cancellationToken)).Item;
        if (!item.Exists())
        {
            return null;
        }

        return new MembershipVersionRow(
            (int)(item.GetNumber(MembershipRow.Version) ?? 0),
            item.GetString(MembershipRow.VersionETag) ?? string.Empty,
            MembershipWriteIntent.ReadFrom(item));
    }

    /// <summary>
    /// Records <paramref name="intent"/> on the version row if the version ETag is still <paramref name="expectedVersionETag"/>
    /// and no other write is pending. This is the only step that decides between concurrent writers.
    /// </summary>
    public async Task<bool> TryRecordIntentAsync(MembershipWriteIntent intent, string expectedVersionETag, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>();
        intent.WriteTo(values);
        var update = "SET #pr = :pr, #pt = :pt, #pv = :pv, #pve = :pve, #pen = :pen";
        var names = new Dictionary<string, string>(PendingNames) { ["#ve"] = MembershipRow.VersionETag };
        var expressionValues = new Dictionary<string, AttributeValue>
        {
            [":pr"] = values[MembershipRow.PendingRow],
            [":pt"] = values[MembershipRow.PendingETag],
            [":pv"] = values[MembershipRow.PendingVersion],
            [":pve"] = values[MembershipRow.PendingVersionETag],
            [":pen"] = values[MembershipRow.PendingEntry],
            [":expected"] = AttributeValues.String(expectedVersionETag),
        };
        if (values.TryGetValue(MembershipRow.PendingExpectedETag, out var expectedRowETag))
        {
            update += ", #pe = :pe";
            expressionValues[":pe"] = expectedRowETag;
        }
        else
        {
            names.Remove("#pe");
        }

        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(MembershipRow.VersionRowKey),
                UpdateExpression = update,
                ConditionExpression = "#ve = :expected AND attribute_not_exists(#pr)",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = expressionValues,
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Applies the row write of <paramref name="intent"/> (a conditional put) and reports whether the row now holds it:
    /// true when this call wrote it or another finisher already had; false when the row's ETag was not the expected one.
    /// </summary>
    public async Task<bool> ApplyIntentAsync(MembershipWriteIntent intent, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>(intent.Entry);
        foreach (var (name, value) in Key(intent.Row))
        {
            item[name] = value;
        }

        item[MembershipRow.ETag] = AttributeValues.String(intent.NewETag);
        var request = new PutItemRequest { TableName = tableName, Item = item };
        if (intent.ExpectedETag is null)
        {
            request.ConditionExpression = "attribute_not_exists(#row)";
            request.ExpressionAttributeNames = new() { ["#row"] = MembershipRow.Row };
        }
        else
        {
            request.ConditionExpression = "#etag = :expected";
            request.ExpressionAttributeNames = new() { ["#etag"] = MembershipRow.ETag };
            request.ExpressionAttributeValues = new() { [":expected"] = AttributeValues.String(intent.ExpectedETag) };
        }

        try
        {
            await client.PutItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            // Either the expected row state was gone (refused) or another finisher applied this very intent: ETags are
            // unique, so the row carrying the intent's new ETag tells which.
            return (await ReadRowAsync(intent.Row, cancellationToken)).GetString(MembershipRow.ETag) == intent.NewETag;
        }
    }

    /// <summary>
    /// Clears <paramref name="intent"/> from the version row, bumping the version when it was applied. Does nothing when
    /// another finisher already cleared it.
    /// </summary>
    public async Task CompleteIntentAsync(MembershipWriteIntent intent, bool applied, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(PendingNames);
        var values = new Dictionary<string, AttributeValue> { [":intent"] = AttributeValues.String(intent.NewETag) };
        var update = RemovePending;
        if (applied)
        {
            update = "SET #v = :v, #ve = :ve " + RemovePending;
            names["#v"] = MembershipRow.Version;
            names["#ve"] = MembershipRow.VersionETag;
            values[":v"] = AttributeValues.Number(intent.NewVersion);
            values[":ve"] = AttributeValues.String(intent.NewVersionETag);
        }

        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(MembershipRow.VersionRowKey),
                UpdateExpression = update,
                ConditionExpression = "#pt = :intent",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Another finisher completed it with the same outcome.
        }
    }

    public async Task<Dictionary<string, AttributeValue>?> ReadRowAsync(string row, CancellationToken cancellationToken)
    {
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(row),
            ConsistentRead = true,
        }, cancellationToken)).Item;
        return item.Exists() ? item : null;
    }

    /// <summary>Every item of <paramref name="partition"/> (the version row first, as it sorts first).</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ReadPartitionAsync(string partition, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#cluster = :cluster",
                ExpressionAttributeNames = new() { ["#cluster"] = MembershipRow.ClusterId },
                ExpressionAttributeValues = new() { [":cluster"] = AttributeValues.String(partition) },
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            items.AddRange(page.Items ?? []);
            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return items;
    }

    /// <summary>Heartbeat: sets only the IAmAlive time, leaving the row ETag (and so pending readers' inputs) unchanged.</summary>
    public async Task<bool> TryUpdateIAmAliveAsync(string row, DateTime iAmAliveTime, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(row),
                UpdateExpression = "SET #alive = :alive",
                ConditionExpression = "attribute_exists(#row)",
                ExpressionAttributeNames = new() { ["#alive"] = MembershipRow.IAmAliveTime, ["#row"] = MembershipRow.Row },
                ExpressionAttributeValues = new() { [":alive"] = AttributeValues.String(MembershipEntryCodec.FormatTime(iAmAliveTime)) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Deletes an item of <paramref name="partition"/>, only if its ETag is still <paramref name="eTag"/> (when given).</summary>
    public async Task<bool> TryDeleteAsync(string partition, string row, string? eTag, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest { TableName = tableName, Key = Key(partition, row) };
        if (eTag is not null)
        {
            request.ConditionExpression = "#etag = :etag";
            request.ExpressionAttributeNames = new() { ["#etag"] = MembershipRow.ETag };
            request.ExpressionAttributeValues = new() { [":etag"] = AttributeValues.String(eTag) };
        }

        try
        {
            await client.DeleteItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public static string NewETag() => Guid.CreateVersion7().ToString("N");

    private Dictionary<string, AttributeValue> Key(string row) => Key(clusterId, row);

    private static Dictionary<string, AttributeValue> Key(string partition, string row) => new()
    {
        [MembershipRow.ClusterId] = AttributeValues.String(partition),
        [MembershipRow.Row] = AttributeValues.String(row),
    };
}
