using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wearables.Twins.Persistence.DynamoDb;

namespace Wearables.Twins.Hosting.Clustering.Tests;

/// <summary>The selector picks what configuration says and refuses what it cannot run, naming the setting.</summary>
public sealed class ClusteringSelectorTests
{
    private static IServiceCollection SiloServicesFor(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseTwinsClustering(builder.Configuration));
        return builder.Services;
    }

    private static Type? MembershipTableOf(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(IMembershipTable))?.ImplementationType;

    [Fact]
    public void Dynamodb_selects_the_dynamodb_membership_table()
    {
        var services = SiloServicesFor(new()
        {
            ["Twins:Cluster:Membership"] = "DynamoDB",
            ["Twins:Cluster:DynamoDb:TableName"] = "twins-membership",
        });

        Assert.Equal(typeof(DynamoDbMembershipTable), MembershipTableOf(services));
    }

    [Fact]
    public void An_unknown_choice_is_refused_with_the_setting_and_the_choices()
    {
        var error = Assert.Throws<OrleansConfigurationException>(() => SiloServicesFor(new() { ["Twins:Cluster:Membership"] = "zookeeper" }));

        Assert.Contains("Twins:Cluster:Membership is 'zookeeper'; use 'localhost', 'dynamodb' or 'redis'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_without_a_connection_string_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<OrleansConfigurationException>(() => SiloServicesFor(new() { ["Twins:Cluster:Membership"] = "redis" }));

        Assert.Contains("Twins:Cluster:Redis:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_hosting_on_localhost_membership_is_refused()
    {
        var error = Assert.Throws<OrleansConfigurationException>(() => SiloServicesFor(new() { ["Twins:Cluster:Kubernetes"] = "true" }));

        Assert.Contains("Twins:Cluster:Kubernetes needs a shared membership", error.Message, StringComparison.Ordinal);
    }
}
