using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Makes sure a provider's table exists with the key schema it needs: checks it, and creates it (on-demand billing)
/// when <see cref="DynamoDbConnectionOptions.CreateIfNotExists"/> allows.
/// </summary>
internal static class DynamoDbTableInitializer
{
    private static readonly TimeSpan ActiveWithin = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task EnsureTableAsync(
        IAmazonDynamoDB client, DynamoDbConnectionOptions options, DynamoDbTableSchema schema, ILogger logger, CancellationToken cancellationToken)
    {
        var table = options.TableName;
        var description = await DescribeAsync(client, table, cancellationToken);
        if (description is null)
        {
            if (!options.CreateIfNotExists)
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{table}' does not exist. Create it (hash key '{schema.HashKey}' and range key '{schema.RangeKey}', both strings) or set {nameof(options.CreateIfNotExists)} to true.");
            }

            description = await CreateAsync(client, table, schema, logger, cancellationToken);
        }

        CheckKeySchema(description, schema);
        if (description.TableStatus != TableStatus.ACTIVE)
        {
            await WaitUntilActiveAsync(client, table, cancellationToken);
        }
    }

    private static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task<TableDescription> CreateAsync(
        IAmazonDynamoDB client, string table, DynamoDbTableSchema schema, ILogger logger, CancellationToken cancellationToken)
    {
        var request = new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema =
            [
                new KeySchemaElement(schema.HashKey, KeyType.HASH),
                new KeySchemaElement(schema.RangeKey, KeyType.RANGE),
            ],
            AttributeDefinitions =
            [
                new AttributeDefinition(schema.HashKey, ScalarAttributeType.S),
                new AttributeDefinition(schema.RangeKey, ScalarAttributeType.S),
            ],
        };

        try
        {
            var created = await client.CreateTableAsync(request, cancellationToken);
            DynamoDbLog.TableCreated(logger, table);
            return created.TableDescription;
        }
        catch (ResourceInUseException)
        {
            // Another silo created it at the same moment.
            return await DescribeAsync(client, table, cancellationToken)
                ?? throw new InvalidOperationException($"DynamoDB table '{table}' was reported in use but cannot be described.");
        }
    }

    private static void CheckKeySchema(TableDescription description, DynamoDbTableSchema schema)
    {
        var keys = description.KeySchema ?? [];
        var hash = keys.FirstOrDefault(k => k.KeyType == KeyType.HASH)?.AttributeName;
        var range = keys.FirstOrDefault(k => k.KeyType == KeyType.RANGE)?.AttributeName;
        if (hash != schema.HashKey || range != schema.RangeKey)
        {
            throw new InvalidOperationException(
                $"DynamoDB table '{description.TableName}' has key schema (hash '{hash}', range '{range ?? "none"}'); this provider needs hash key '{schema.HashKey}' and range key '{schema.RangeKey}'.");
        }
    }

    private static async Task WaitUntilActiveAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var description = await DescribeAsync(client, table, cancellationToken);
            if (description?.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            if (clock.Elapsed > ActiveWithin)
            {
                throw new TimeoutException($"DynamoDB table '{table}' did not become ACTIVE within {ActiveWithin.TotalSeconds:0} s.");
            }

            // DynamoDB offers no notification for table status; polling DescribeTable is the documented way.
            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
