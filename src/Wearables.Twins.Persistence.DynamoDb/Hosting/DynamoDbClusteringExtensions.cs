using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Messaging;
using Wearables.Twins.Persistence.DynamoDb;

namespace Orleans.Hosting;

/// <summary>
/// Cluster membership in DynamoDB: <see cref="DynamoDbMembershipTable"/> for silos, <see cref="DynamoDbGatewayListProvider"/>
/// for clients. Options are validated at start-up.
/// </summary>
public static class DynamoDbClusteringExtensions
{
    /// <summary>Uses a DynamoDB table as the silo's membership table.</summary>
    public static ISiloBuilder UseDynamoDbClustering(this ISiloBuilder builder, Action<OptionsBuilder<DynamoDbClusteringOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions(builder.Services, configure);
        builder.Services.AddSingleton<IMembershipTable, DynamoDbMembershipTable>();
        return builder;
    }

    /// <summary>Uses a DynamoDB membership table, bound to a configuration section (e.g. <c>Twins:Cluster:DynamoDb</c>).</summary>
    public static ISiloBuilder UseDynamoDbClustering(this ISiloBuilder builder, IConfiguration configuration) =>
        builder.UseDynamoDbClustering(Bind(configuration));

    /// <summary>Lets the client find gateways in the DynamoDB membership table.</summary>
    public static IClientBuilder UseDynamoDbClustering(this IClientBuilder builder, Action<OptionsBuilder<DynamoDbClusteringOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddOptions(builder.Services, configure);
        builder.Services.AddSingleton<IGatewayListProvider, DynamoDbGatewayListProvider>();
        return builder;
    }

    /// <summary>Lets the client find gateways in the DynamoDB membership table, bound to a configuration section.</summary>
    public static IClientBuilder UseDynamoDbClustering(this IClientBuilder builder, IConfiguration configuration) =>
        builder.UseDynamoDbClustering(Bind(configuration));

    private static void AddOptions(IServiceCollection services, Action<OptionsBuilder<DynamoDbClusteringOptions>>? configure)
    {
        var options = services.AddOptions<DynamoDbClusteringOptions>();
        configure?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbClusteringOptions>, DynamoDbClusteringOptionsValidator>());
    }

    private static Action<OptionsBuilder<DynamoDbClusteringOptions>> Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return ob => ob.Bind(configuration).Configure(options => options.SettingsPath = path);
    }
}
