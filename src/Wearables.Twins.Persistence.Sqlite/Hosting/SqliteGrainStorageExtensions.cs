using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Wearables.Twins.Persistence.Sqlite;

namespace Orleans.Hosting;

/// <summary>
/// Registers <see cref="SqliteGrainStorage"/> as a named Orleans grain storage provider (a keyed
/// <see cref="Orleans.Storage.IGrainStorage"/> that takes part in the silo lifecycle).
/// </summary>
public static class SqliteGrainStorageExtensions
{
    /// <summary>Adds SQLite grain storage called <paramref name="name"/>.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name grains use in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="configure">Configures the options, for example <c>ob =&gt; ob.Configure(o =&gt; o.DatabasePath = "...")</c>.</param>
    public static ISiloBuilder AddSqliteGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<OptionsBuilder<SqliteGrainStorageOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteGrainStorage(name, configure);
        return builder;
    }

    /// <summary>
    /// Adds SQLite grain storage called <paramref name="name"/>, bound to a configuration section (for example
    /// <c>configuration.GetSection("Twins:Storage")</c>); validation messages then name settings by their path.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteGrainStorage(name, configuration);
        return builder;
    }

    /// <summary>Adds SQLite grain storage as the default provider (used by <c>[PersistentState(stateName)]</c>).</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(
        this ISiloBuilder builder,
        Action<OptionsBuilder<SqliteGrainStorageOptions>>? configure = null) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds SQLite grain storage called <paramref name="name"/>.</summary>
    public static IServiceCollection AddSqliteGrainStorage(
        this IServiceCollection services,
        string name,
        Action<OptionsBuilder<SqliteGrainStorageOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        configure?.Invoke(services.AddOptions<SqliteGrainStorageOptions>(name));
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<SqliteGrainStorageOptions>, SqliteGrainStorageSerializerConfigurator>());
        services.AddTransient<IConfigurationValidator>(sp => new SqliteGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
        services.ConfigureNamedOptionForLogging<SqliteGrainStorageOptions>(name);

        // Keyed IGrainStorage under the name, plus the unkeyed default for "Default", plus the lifecycle participant.
        return services.AddGrainStorage(name, SqliteGrainStorageFactory.Create);
    }

    /// <summary>Adds SQLite grain storage called <paramref name="name"/>, bound to a configuration section.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return services.AddSqliteGrainStorage(name, ob => ob
            .Bind(configuration)
            .Configure(options => options.SettingsPath = path));
    }

    /// <summary>Adds SQLite grain storage as the default provider.</summary>
    public static IServiceCollection AddSqliteGrainStorageAsDefault(
        this IServiceCollection services,
        Action<OptionsBuilder<SqliteGrainStorageOptions>>? configure = null) =>
        services.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);
}
