using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>What is specific to the DynamoDB reminder table: its table, its key layout, and DynamoDB's key limits.</summary>
public sealed class DynamoDbReminderTableTests
{
    private static ReminderEntry Entry(GrainId grainId, string name = "escalate") => new()
    {
        GrainId = grainId,
        ReminderName = name,
        StartAt = DateTime.UtcNow,
        Period = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task A_missing_table_is_created_with_the_reminder_key_schema_when_allowed()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-created");
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, "svc");

        await table.StartAsync();

        using var client = await DynamoDbTestServices.RawClientAsync();
        var description = (await client.DescribeTableAsync(tableName)).Table!;
        Assert.Equal("ACTIVE", description.TableStatus.Value);
        Assert.Equal(["ServiceBucket", "Reminder"], description.KeySchema!.Select(k => k.AttributeName));
    }

    [Fact]
    public async Task A_missing_table_fails_start_naming_it_when_creation_is_off()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-missing");
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, "svc", o => o.CreateIfNotExists = false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.StartAsync());

        Assert.Contains($"DynamoDB table '{tableName}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("hash key 'ServiceBucket' and range key 'Reminder'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_another_key_schema_fails_start_with_the_schema_it_needs()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-foreign");
        using (var client = await DynamoDbTestServices.RawClientAsync())
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = tableName,
                BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement("GrainKey", Amazon.DynamoDBv2.KeyType.HASH), new KeySchemaElement("StateName", Amazon.DynamoDBv2.KeyType.RANGE)],
                AttributeDefinitions =
                [
                    new AttributeDefinition("GrainKey", Amazon.DynamoDBv2.ScalarAttributeType.S),
                    new AttributeDefinition("StateName", Amazon.DynamoDBv2.ScalarAttributeType.S),
                ],
            });
        }

        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, "svc");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.StartAsync());
        Assert.Contains("needs hash key 'ServiceBucket' and range key 'Reminder'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_is_stored_in_its_hash_bucket_partition_sorted_by_hash()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-layout");
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, "svc#1");
        await table.StartAsync();
        var grainId = GrainId.Create("care-team", "ward-3");

        var eTag = await table.UpsertRow(Entry(grainId));

        // The layout the range reads depend on: partition {service}#{top 6 hash bits}, sort key {hash:x8}#{length}#{grain}#{name}.
        var hash = grainId.GetUniformHashCode();
        var grain = grainId.ToString();
        using var client = await DynamoDbTestServices.RawClientAsync();
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            ConsistentRead = true,
            Key = new()
            {
                ["ServiceBucket"] = new AttributeValue { S = string.Create(CultureInfo.InvariantCulture, $"svc#1#{hash >> 26:x2}") },
                ["Reminder"] = new AttributeValue { S = string.Create(CultureInfo.InvariantCulture, $"{hash:x8}#{grain.Length}#{grain}#escalate") },
            },
        })).Item;
        Assert.NotNull(item);
        Assert.Equal(eTag, item["ETag"].S);
        Assert.Equal(grain, item["GrainId"].S);
        Assert.Equal(hash.ToString(CultureInfo.InvariantCulture), item["GrainHash"].N);
    }

    [Fact]
    public async Task A_grain_id_and_name_beyond_the_sort_key_limit_are_refused_and_never_found()
    {
        var tableName = DynamoDbTestServices.UniqueTableName("reminders-limit");
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(tableName, "svc");
        await table.StartAsync();
        var grainId = GrainId.Create("care-team", new string('w', 600));
        var name = new string('n', 600);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertRow(Entry(grainId, name)));

        Assert.Contains("1024-byte sort key limit", error.Message, StringComparison.Ordinal);
        Assert.Null(await table.ReadRow(grainId, name));
        Assert.False(await table.RemoveRow(grainId, name, "etag"));
        Assert.NotNull(await table.UpsertRow(Entry(grainId, "short")));
    }

    [Fact]
    public async Task Calls_before_start_fail_with_a_clear_message()
    {
        using var table = await DynamoDbTestServices.CreateReminderTableAsync(DynamoDbTestServices.UniqueTableName("reminders-unstarted"), "svc");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.ReadRows(0u, 0u));

        Assert.Contains("has not been started", error.Message, StringComparison.Ordinal);
    }
}
