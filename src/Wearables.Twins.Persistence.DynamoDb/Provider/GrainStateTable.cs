using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// The DynamoDB side of grain storage: ETag-checked single-item writes of a main item, with chunk items for payloads
/// larger than one item. Chunks are written before the main item that references them and deleted only after a
/// newer main item (or a delete) replaced it, so a reader that sees a main item always finds its chunks, or learns
/// that the state was replaced and reads again.
/// </summary>
internal sealed class GrainStateTable(IAmazonDynamoDB client, string tableName, int maxItemPayloadBytes, string providerName, ILogger logger)
{
    private const int ReadAttempts = 5;
    private const string ETagCondition = "#etag = :expected";
    private const string AbsentCondition = "attribute_not_exists(#pk)";

    public async Task<StoredState?> ReadAsync(string key, string stateName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            var item = (await client.GetItemAsync(
                new GetItemRequest { TableName = tableName, Key = MainKey(key, stateName), ConsistentRead = true },
                cancellationToken)).Item;
            if (!item.Exists())
            {
                return null;
            }

            var eTag = item.GetString(GrainStateItem.ETag)
                ?? throw new InvalidDataException($"Grain state item ({key}, {stateName}) in table '{tableName}' has no ETag.");
            var encoding = item.GetString(GrainStateItem.Encoding) ?? StatePayloadCodec.Raw;
            var rawLength = (int)(item.GetNumber(GrainStateItem.RawLength) ?? 0);
            if (item.GetNumber(GrainStateItem.Chunks) is not { } chunks)
            {
                var data = item.GetBinary(GrainStateItem.Data) ?? ReadOnlyMemory<byte>.Empty;
                return new StoredState(eTag, new EncodedPayload(data, encoding, rawLength));
            }

            var assembled = await ReadChunksAsync(key, stateName, eTag, (int)chunks, cancellationToken);
            if (assembled is { } bytes)
            {
                return new StoredState(eTag, new EncodedPayload(bytes, encoding, rawLength));
            }

            DynamoDbLog.ChunksSuperseded(logger, providerName, stateName, key);
        }

        throw new InvalidDataException(
            $"Grain state ({key}, {stateName}) in table '{tableName}' references chunk items that are missing after {ReadAttempts} reads.");
    }

    public async Task<ConditionalOutcome> WriteAsync(
        string key, string stateName, string? expectedETag, string newETag, EncodedPayload payload, CancellationToken cancellationToken)
    {
        var item = MainKey(key, stateName);
        item[GrainStateItem.ETag] = AttributeValues.String(newETag);
        item[GrainStateItem.Encoding] = AttributeValues.String(payload.Encoding);
        item[GrainStateItem.RawLength] = AttributeValues.Number(payload.RawLength);
        item[GrainStateItem.ModifiedUtc] = AttributeValues.String(DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var chunkCount = 0;
        if (payload.Bytes.Length > maxItemPayloadBytes)
        {
            var chunks = StatePayloadCodec.Split(payload.Bytes, maxItemPayloadBytes);
            chunkCount = chunks.Length;
            await WriteChunksAsync(key, stateName, newETag, chunks, cancellationToken);
            item[GrainStateItem.Chunks] = AttributeValues.Number(chunkCount);
            DynamoDbLog.LargeStateWritten(logger, providerName, stateName, key, payload.RawLength, payload.Bytes.Length, payload.Encoding, chunkCount);
        }
        else
        {
            item[GrainStateItem.Data] = AttributeValues.Binary(payload.Bytes);
        }

        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ReturnValues = ReturnValue.ALL_OLD,
        };
        Guard(request, expectedETag);

        PutItemResponse response;
        try
        {
            response = await client.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            if (chunkCount > 0)
            {
                await DeleteChunksAsync(key, stateName, newETag, chunkCount);
            }

            return ConditionalOutcome.Conflict(await StoredETagAsync(key, stateName, cancellationToken));
        }

        await DeleteReplacedChunksAsync(key, stateName, response.Attributes);
        return ConditionalOutcome.Success;
    }

    public async Task<ConditionalOutcome> DeleteAsync(string key, string stateName, string? expectedETag, CancellationToken cancellationToken)
    {
        if (expectedETag is null)
        {
            // The caller believes there is no item: fine if so, a conflict if another writer created one.
            var stored = await StoredETagAsync(key, stateName, cancellationToken);
            return stored is null ? ConditionalOutcome.Success : ConditionalOutcome.Conflict(stored);
        }

        var request = new DeleteItemRequest
        {
            TableName = tableName,
            Key = MainKey(key, stateName),
            ReturnValues = ReturnValue.ALL_OLD,
        };
        request.ConditionExpression = ETagCondition;
        request.ExpressionAttributeNames = new() { ["#etag"] = GrainStateItem.ETag };
        request.ExpressionAttributeValues = new() { [":expected"] = AttributeValues.String(expectedETag) };

        DeleteItemResponse response;
        try
        {
            response = await client.DeleteItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            return ConditionalOutcome.Conflict(await StoredETagAsync(key, stateName, cancellationToken));
        }

        await DeleteReplacedChunksAsync(key, stateName, response.Attributes);
        return ConditionalOutcome.Success;
    }

    private static void Guard(PutItemRequest request, string? expectedETag)
    {
        if (expectedETag is null)
        {
            request.ConditionExpression = AbsentCondition;
            request.ExpressionAttributeNames = new() { ["#pk"] = GrainStateItem.PartitionKey };
        }
        else
        {
            request.ConditionExpression = ETagCondition;
            request.ExpressionAttributeNames = new() { ["#etag"] = GrainStateItem.ETag };
            request.ExpressionAttributeValues = new() { [":expected"] = AttributeValues.String(expectedETag) };
        }
    }

    private static Dictionary<string, AttributeValue> MainKey(string key, string stateName) => new()
    {
        [GrainStateItem.PartitionKey] = AttributeValues.String(key),
        [GrainStateItem.StateName] = AttributeValues.String(stateName),
    };

    private async Task<string?> StoredETagAsync(string key, string stateName, CancellationToken cancellationToken)
    {
        // DynamoDB does not say why a condition failed (dynalite lacks ReturnValuesOnConditionCheckFailure), so the
        // stored ETag for the conflict report is read separately; it is informative, not part of the decision.
        var response = await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = MainKey(key, stateName),
            ConsistentRead = true,
            ProjectionExpression = "#etag",
            ExpressionAttributeNames = new() { ["#etag"] = GrainStateItem.ETag },
        }, cancellationToken);
        return response.Item.GetString(GrainStateItem.ETag);
    }

    private async Task WriteChunksAsync(string key, string stateName, string eTag, ReadOnlyMemory<byte>[] chunks, CancellationToken cancellationToken)
    {
        var writes = new Task[chunks.Length];
        for (var i = 0; i < chunks.Length; i++)
        {
            writes[i] = client.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [GrainStateItem.PartitionKey] = AttributeValues.String(key),
                    [GrainStateItem.StateName] = AttributeValues.String(GrainStateItem.ChunkKey(stateName, eTag, i)),
                    [GrainStateItem.Data] = AttributeValues.Binary(chunks[i]),
                },
            }, cancellationToken);
        }

        try
        {
            await Task.WhenAll(writes);
        }
        catch
        {
            // Chunks of a write that never got its main item are unreferenced: remove what was written.
            await DeleteChunksAsync(key, stateName, eTag, chunks.Length);
            throw;
        }
    }

    private async Task<ReadOnlyMemory<byte>?> ReadChunksAsync(string key, string stateName, string eTag, int expected, CancellationToken cancellationToken)
    {
        var parts = new List<ReadOnlyMemory<byte>>(expected);
        var total = 0;
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :prefix)",
                ExpressionAttributeNames = new() { ["#pk"] = GrainStateItem.PartitionKey, ["#sk"] = GrainStateItem.StateName },
                ExpressionAttributeValues = new()
                {
                    [":pk"] = AttributeValues.String(key),
                    [":prefix"] = AttributeValues.String(GrainStateItem.ChunkPrefix(stateName, eTag)),
                },
                ExclusiveStartKey = startKey,
            }, cancellationToken);
            foreach (var chunk in page.Items ?? [])
            {
                var data = chunk.GetBinary(GrainStateItem.Data) ?? ReadOnlyMemory<byte>.Empty;
                parts.Add(data);
                total += data.Length;
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        if (parts.Count != expected)
        {
            return null;
        }

        var bytes = new byte[total];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(bytes.AsSpan(offset));
            offset += part.Length;
        }

        return bytes;
    }

    private Task DeleteReplacedChunksAsync(string key, string stateName, Dictionary<string, AttributeValue>? replaced) =>
        replaced.GetNumber(GrainStateItem.Chunks) is { } count && replaced.GetString(GrainStateItem.ETag) is { } eTag
            ? DeleteChunksAsync(key, stateName, eTag, (int)count)
            : Task.CompletedTask;

    /// <summary>Best effort: a failure leaves unreferenced chunk items (garbage, never read), not a broken state.</summary>
    private async Task DeleteChunksAsync(string key, string stateName, string eTag, int count)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = new()
                {
                    [GrainStateItem.PartitionKey] = AttributeValues.String(key),
                    [GrainStateItem.StateName] = AttributeValues.String(GrainStateItem.ChunkKey(stateName, eTag, i)),
                },
            }, CancellationToken.None)));
        }
        catch (AmazonDynamoDBException ex)
        {
            DynamoDbLog.ChunkCleanupFailed(logger, ex, providerName, stateName, key, eTag, count);
        }
    }
}
