using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// The DynamoDB requests of the reminder table for one service: strongly consistent gets and queries, blind puts, and
/// ETag-conditional deletes. Each is a single-item request or a query of one partition.
/// </summary>
internal sealed class DynamoDbReminderStore(IAmazonDynamoDB client, string tableName, string serviceId)
{
    /// <summary>Bucket queries in flight at once for a range read (a whole-ring read is <see cref="ReminderItem.BucketCount"/> queries).</summary>
    private const int RangeReadParallelism = 8;

    private static readonly Dictionary<string, string> KeyNames = new()
    {
        ["#pk"] = ReminderItem.PartitionKey,
        ["#sk"] = ReminderItem.SortKey,
    };

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        if (ReminderItemCodec.TryKey(serviceId, grainId, reminderName) is not { } key)
        {
            return null;
        }

        var item = (await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true }, cancellationToken)).Item;
        return item.Exists() ? ReminderItemCodec.FromItem(item) : null;
    }

    public async Task<List<ReminderEntry>> ReadGrainAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var hash = grainId.GetUniformHashCode();
        var prefix = ReminderItem.GrainPrefix(hash, grainId.ToString());
        var entries = new List<ReminderEntry>();
        if (!ReminderItem.FitsSortKey(prefix))
        {
            return entries;
        }

        await QueryAsync(new QueryRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
            ExpressionAttributeNames = new(KeyNames),
            ExpressionAttributeValues = new()
            {
                [":pk"] = AttributeValues.String(ReminderItem.Partition(serviceId, ReminderItem.Bucket(hash))),
                [":prefix"] = AttributeValues.String(prefix),
            },
        }, entries, cancellationToken);
        return entries;
    }

    /// <summary>Every reminder whose grain hash is in Orleans' ring range (begin, end], wrapping when begin &gt;= end.</summary>
    public async Task<List<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken)
    {
        var slices = ReminderRingSlice.Of(begin, end);
        var results = new List<ReminderEntry>[slices.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, slices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = RangeReadParallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var slice = slices[index];
                var entries = new List<ReminderEntry>();
                await QueryAsync(new QueryRequest
                {
                    TableName = tableName,
                    ConsistentRead = true,
                    KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :low AND :high",
                    ExpressionAttributeNames = new(KeyNames),
                    ExpressionAttributeValues = new()
                    {
                        [":pk"] = AttributeValues.String(ReminderItem.Partition(serviceId, slice.Bucket)),
                        [":low"] = AttributeValues.String(ReminderItem.LowestKey(slice.Low)),
                        [":high"] = AttributeValues.String(ReminderItem.HighestKey(slice.High)),
                    },
                }, entries, ct);
                results[index] = entries;
            });

        var all = new List<ReminderEntry>(results.Sum(r => r.Count));
        foreach (var entries in results)
        {
            all.AddRange(entries);
        }

        return all;
    }

    /// <summary>Writes the reminder whatever is stored (Orleans' upsert is a blind write).</summary>
    public Task PutAsync(ReminderEntry entry, string eTag, CancellationToken cancellationToken) =>
        client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = ReminderItemCodec.ToItem(serviceId, entry, eTag) }, cancellationToken);

    /// <summary>Deletes the reminder only if its ETag is <paramref name="eTag"/>; false when it is not, or there is no item.</summary>
    public async Task<bool> TryDeleteAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (ReminderItemCodec.TryKey(serviceId, grainId, reminderName) is not { } key)
        {
            return false;
        }

        try
        {
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = key,
                ConditionExpression = "#etag = :etag",
                ExpressionAttributeNames = new() { ["#etag"] = ReminderItem.ETag },
                ExpressionAttributeValues = new() { [":etag"] = AttributeValues.String(eTag) },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Deletes every reminder of the service, bucket by bucket; returns how many.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ReminderItem.BucketCount),
            new ParallelOptions { MaxDegreeOfParallelism = RangeReadParallelism, CancellationToken = cancellationToken },
            async (bucket, ct) =>
            {
                var keys = new List<Dictionary<string, AttributeValue>>();
                Dictionary<string, AttributeValue>? startKey = null;
                do
                {
                    var page = await client.QueryAsync(new QueryRequest
                    {
                        TableName = tableName,
                        ConsistentRead = true,
                        KeyConditionExpression = "#pk = :pk",
                        ProjectionExpression = "#pk, #sk",
                        ExpressionAttributeNames = new(KeyNames),
                        ExpressionAttributeValues = new() { [":pk"] = AttributeValues.String(ReminderItem.Partition(serviceId, bucket)) },
                        ExclusiveStartKey = startKey,
                    }, ct);
                    keys.AddRange(page.Items ?? []);
                    startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
                }
                while (startKey is not null);

                foreach (var key in keys)
                {
                    await client.DeleteItemAsync(new DeleteItemRequest { TableName = tableName, Key = key }, ct);
                }

                Interlocked.Add(ref deleted, keys.Count);
            });
        return deleted;
    }

    private async Task QueryAsync(QueryRequest request, List<ReminderEntry> entries, CancellationToken cancellationToken)
    {
        do
        {
            var page = await client.QueryAsync(request, cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                entries.Add(ReminderItemCodec.FromItem(item));
            }

            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);
    }
}
