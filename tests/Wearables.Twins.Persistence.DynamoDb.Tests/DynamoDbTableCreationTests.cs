using Amazon.DynamoDBv2.Model;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>Start-up against a table that is missing, created on demand, or shaped for something else.</summary>
public sealed class DynamoDbTableCreationTests
{
    [Fact]
    public async Task A_missing_table_is_created_with_the_provider_key_schema_when_allowed()
    {
        var table = DynamoDbTestServices.UniqueTableName("created");
        await using var services = await DynamoDbTestServices.BuildStorageServicesAsync(table, o => o.CreateIfNotExists = true);

        await services.StartStorageAsync();

        using var client = await DynamoDbTestServices.RawClientAsync();
        var description = (await client.DescribeTableAsync(table)).Table!;
        Assert.Equal("ACTIVE", description.TableStatus.Value);
        Assert.Equal(["GrainKey", "StateName"], description.KeySchema!.Select(k => k.AttributeName));
    }

    [Fact]
    public async Task A_missing_table_fails_start_up_with_a_message_naming_it_when_creation_is_off()
    {
        var table = DynamoDbTestServices.UniqueTableName("missing");
        await using var services = await DynamoDbTestServices.BuildStorageServicesAsync(table, o => o.CreateIfNotExists = false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.StartStorageAsync());

        Assert.Contains($"DynamoDB table '{table}' does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("CreateIfNotExists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_another_key_schema_fails_start_up_with_the_schema_it_needs()
    {
        var table = DynamoDbTestServices.UniqueTableName("foreign");
        using (var client = await DynamoDbTestServices.RawClientAsync())
        {
            await client.CreateTableAsync(new CreateTableRequest
            {
                TableName = table,
                BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement("Id", Amazon.DynamoDBv2.KeyType.HASH)],
                AttributeDefinitions = [new AttributeDefinition("Id", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            });
        }

        await using var services = await DynamoDbTestServices.BuildStorageServicesAsync(table);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.StartStorageAsync());
        Assert.Contains("needs hash key 'GrainKey' and range key 'StateName'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_providers_starting_together_on_a_missing_table_both_start()
    {
        var table = DynamoDbTestServices.UniqueTableName("racing");
        await using var first = await DynamoDbTestServices.BuildStorageServicesAsync(table);
        await using var second = await DynamoDbTestServices.BuildStorageServicesAsync(table);

        var storages = await Task.WhenAll(first.StartStorageAsync(), second.StartStorageAsync());

        var grainId = GrainId.Create("race", "one");
        var written = new GrainState<LargeState> { State = new LargeState { Text = "written by the first" } };
        await storages[0].WriteStateAsync("state", grainId, written);
        var read = new GrainState<LargeState>();
        await storages[1].ReadStateAsync("state", grainId, read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("written by the first", read.State!.Text);
    }

    [Fact]
    public async Task Operations_before_start_fail_with_a_clear_error()
    {
        await using var services = await DynamoDbTestServices.BuildStorageServicesAsync(DynamoDbTestServices.UniqueTableName("unstarted"));
        var storage = (DynamoDbGrainStorage)Microsoft.Extensions.DependencyInjection.ServiceProviderKeyedServiceExtensions
            .GetRequiredKeyedService<IGrainStorage>(services, DynamoDbTestServices.ProviderName);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => storage.ReadStateAsync("state", GrainId.Create("x", "y"), new GrainState<LargeState>()));
        Assert.Contains("has not been started", error.Message, StringComparison.Ordinal);
    }
}
