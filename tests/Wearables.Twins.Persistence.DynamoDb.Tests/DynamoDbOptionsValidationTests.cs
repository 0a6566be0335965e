using Microsoft.Extensions.Configuration;
using Orleans.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>Bad settings stop the process at start-up, with every problem named by its setting.</summary>
public sealed class DynamoDbOptionsValidationTests
{
    private static HostApplicationBuilder HostWith(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    [Fact]
    public async Task Storage_settings_bound_from_configuration_fail_host_start_naming_every_bad_setting()
    {
        var builder = HostWith(new()
        {
            ["Twins:Storage:DynamoDb:TableName"] = "x",
            ["Twins:Storage:DynamoDb:ServiceUrl"] = "localhost:4567",
            ["Twins:Storage:DynamoDb:AccessKey"] = "only-half",
            ["Twins:Storage:DynamoDb:MaxItemPayloadBytes"] = "500000",
        });
        builder.Services.AddSerializer();
        builder.Services.AddDynamoDbGrainStorage("twins", builder.Configuration.GetSection("Twins:Storage:DynamoDb"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = error.Message;
        Assert.Contains("DynamoDB grain storage 'twins' is misconfigured", message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:DynamoDb:TableName 'x' is not a valid DynamoDB table name", message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:DynamoDb:ServiceUrl 'localhost:4567' must be an absolute http:// or https:// URL", message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:DynamoDb:AccessKey and Twins:Storage:DynamoDb:SecretKey must be set together", message, StringComparison.Ordinal);
        Assert.Contains("Twins:Storage:DynamoDb:MaxItemPayloadBytes must be between 1024 and 389120 bytes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clustering_settings_fail_silo_host_start_before_the_silo_starts()
    {
        var builder = HostWith(new()
        {
            ["Twins:Cluster:DynamoDb:TableName"] = "",
            ["Twins:Cluster:DynamoDb:Region"] = "Ireland",
        });
        builder.UseOrleans(silo => silo.UseDynamoDbClustering(builder.Configuration.GetSection("Twins:Cluster:DynamoDb")));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Twins:Cluster:DynamoDb:TableName is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twins:Cluster:DynamoDb:Region 'Ireland' is not an AWS region name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_set_in_code_are_named_by_their_property_and_provider()
    {
        var options = new DynamoDbGrainStorageOptions { TableName = "ok-table", CompressionThresholdBytes = -1 };

        var problems = DynamoDbGrainStorageOptionsValidator.Validate(options, "twins");

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith(
            "DynamoDbGrainStorageOptions.CompressionThresholdBytes of grain storage 'twins' must be zero or more", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("GrainStorageSerializer", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_with_a_local_endpoint_are_valid()
    {
        var options = new DynamoDbClusteringOptions { ServiceUrl = "http://127.0.0.1:4567", AccessKey = "a", SecretKey = "b" };

        Assert.Empty(DynamoDbClusteringOptionsValidator.Validate(options));
        Assert.Equal("TwinsMembership", options.TableName);
    }
}
