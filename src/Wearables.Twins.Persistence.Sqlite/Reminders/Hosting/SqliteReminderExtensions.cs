using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Persistence.Sqlite;

namespace Orleans.Hosting;

/// <summary>
/// Durable reminders in a local SQLite file: adds the reminder service and registers <see cref="SqliteReminderTable"/>
/// as the silo's <see cref="IReminderTable"/>, with options validated at start-up.
/// </summary>
public static class SqliteReminderExtensions
{
    /// <summary>Uses a SQLite file as the reminder table, e.g. <c>ob =&gt; ob.Configure(o =&gt; o.DatabasePath = "...")</c>.</summary>
    public static ISiloBuilder UseSqliteReminderService(
        this ISiloBuilder builder, Action<OptionsBuilder<SqliteReminderTableOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReminders();
        builder.Services.AddSqliteReminderTable(configure);
        return builder;
    }

    /// <summary>Uses a SQLite file as the reminder table, e.g. <c>o =&gt; o.DatabasePath = "..."</c>.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Action<SqliteReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.UseSqliteReminderService(ob => ob.Configure(configure));
    }

    /// <summary>
    /// Uses a SQLite file as the reminder table, bound to a configuration section (validation messages then name settings
    /// by their path).
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return builder.UseSqliteReminderService(ob => ob.Bind(configuration).Configure(options => options.SettingsPath = path));
    }

    /// <summary>Registers <see cref="SqliteReminderTable"/> as the <see cref="IReminderTable"/> (the reminder service is added separately).</summary>
    public static IServiceCollection AddSqliteReminderTable(
        this IServiceCollection services, Action<OptionsBuilder<SqliteReminderTableOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteReminderTableOptions>();
        configure?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteReminderTableOptions>, SqliteReminderTableOptionsValidator>());
        services.AddSingleton<SqliteReminderTable>();
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
        return services;
    }
}
