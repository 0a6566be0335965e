using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Wearables.Twins.Persistence.DynamoDb;

namespace Orleans.Hosting;

/// <summary>
/// Registers <see cref="DynamoDbGrainStorage"/> as a named Orleans grain storage provider (a keyed
/// <see cref="Orleans.Storage.IGrainStorage"/> that takes part in the silo lifecycle), with options validated at start-up.
/// </summary>
public static class DynamoDbGrainStorageExtensions
{
    /// <summary>Adds DynamoDB grain storage called <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains use in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Configures the options, e.g. <c>ob =&gt; ob.Configure(o =&gt; o.TableName = "...")</c>.</param>
    public static ISiloBuilder AddDynamoDbGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<DynamoDbGrainStorageOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDynamoDbGrainStorage(name, configure);
        return builder;
    }

    /// <summary>
    /// Adds DynamoDB grain storage called <paramref name="name"/>, bound to a configuration section (e.g.
    /// <c>configuration.GetSection("Twins:Storage:DynamoDb")</c>); validation messages then name settings by their path.
    /// </summary>
    public static ISiloBuilder AddDynamoDbGrainStorage(this ISiloBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddDynamoDbGrainStorage(name, configuration);
        return builder;
    }

    /// <summary>Adds DynamoDB grain storage as the default provider (used by <c>[PersistentState(stateName)]</c>).</summary>
    public static ISiloBuilder AddDynamoDbGrainStorageAsDefault(
        this ISiloBuilder builder, Action<OptionsBuilder<DynamoDbGrainStorageOptions>>? configure = null) =>
        builder.AddDynamoDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds DynamoDB grain storage called <paramref name="name"/>.</summary>
    public static IServiceCollection AddDynamoDbGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<DynamoDbGrainStorageOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var options = services.AddOptions<DynamoDbGrainStorageOptions>(name);
        configure?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbGrainStorageOptions>, DynamoDbGrainStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<DynamoDbGrainStorageOptions>, DynamoDbGrainStorageSerializerConfigurator>());
        services.ConfigureNamedOptionForLogging<DynamoDbGrainStorageOptions>(name);

        // Keyed IGrainStorage under the name, the unkeyed default for "Default", and the lifecycle participant.
        return services.AddGrainStorage(name, DynamoDbGrainStorageFactory.Create);
    }

    /// <summary>Adds DynamoDB grain storage called <paramref name="name"/>, bound to a configuration section.</summary>
    public static IServiceCollection AddDynamoDbGrainStorage(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return services.AddDynamoDbGrainStorage(name, ob => ob
            .Bind(configuration)
            .Configure(options => options.SettingsPath = path));
    }
}
