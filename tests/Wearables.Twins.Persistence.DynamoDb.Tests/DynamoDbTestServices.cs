using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Wearables.Twins.Persistence.Conformance;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>Containers and clients wired the way a silo wires them, against dynalite.</summary>
public static class DynamoDbTestServices
{
    public const string ProviderName = "dynamodb-tests";

    /// <summary>A table name no other test class uses, so parallel runs never collide.</summary>
    public static string UniqueTableName(string purpose) => $"{purpose}-{Guid.NewGuid():N}";

    /// <summary>Points connection options at dynalite with the local-stand-in credentials.</summary>
    public static async Task UseDynaliteAsync(this DynamoDbConnectionOptions options)
    {
        options.ServiceUrl = (await LocalServers.DynamoDbAsync()).ToString();
        options.AccessKey = "local";
        options.SecretKey = "local";
    }

    public static async Task<ServiceProvider> BuildStorageServicesAsync(string tableName, Action<DynamoDbGrainStorageOptions>? configure = null)
    {
        var serviceUrl = (await LocalServers.DynamoDbAsync()).ToString();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        services.AddSerializer(serializer => serializer
            .AddAssembly(typeof(ConformanceState).Assembly)
            .AddAssembly(typeof(DynamoDbTestServices).Assembly));
        services.Configure<ClusterOptions>(o => o.ServiceId = "dynamodb-tests");
        services.AddDynamoDbGrainStorage(ProviderName, ob => ob.Configure(options =>
        {
            options.ServiceUrl = serviceUrl;
            options.AccessKey = "local";
            options.SecretKey = "local";
            options.TableName = tableName;
            options.CreateIfNotExists = true;
            configure?.Invoke(options);
        }));
        return services.BuildServiceProvider();
    }

    public static async Task<DynamoDbGrainStorage> StartStorageAsync(this IServiceProvider services)
    {
        var storage = (DynamoDbGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(ProviderName);
        await storage.InitAsync(CancellationToken.None);
        return storage;
    }

    public static async Task<DynamoDbMembershipTable> CreateMembershipTableAsync(string tableName, string clusterId)
    {
        var options = new DynamoDbClusteringOptions { TableName = tableName, CreateIfNotExists = true };
        await options.UseDynaliteAsync();
        return new DynamoDbMembershipTable(
            Options.Create(options),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "dynamodb-tests" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DynamoDbMembershipTable>.Instance);
    }

    public static async Task<DynamoDbReminderTable> CreateReminderTableAsync(
        string tableName, string serviceId, Action<DynamoDbReminderTableOptions>? configure = null)
    {
        var options = new DynamoDbReminderTableOptions { TableName = tableName, CreateIfNotExists = true };
        await options.UseDynaliteAsync();
        configure?.Invoke(options);
        return new DynamoDbReminderTable(
            Options.Create(options),
            Options.Create(new ClusterOptions { ClusterId = "dynamodb-tests", ServiceId = serviceId }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DynamoDbReminderTable>.Instance);
    }

    /// <summary>A raw SDK client, for looking at what the providers stored.</summary>
    public static async Task<AmazonDynamoDBClient> RawClientAsync() =>
        new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = (await LocalServers.DynamoDbAsync()).ToString(),
            AuthenticationRegion = "us-east-1",
        });
}
