using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Persistence.DynamoDb;

namespace Orleans.Hosting;

/// <summary>
/// Durable reminders in DynamoDB: adds the reminder service and registers <see cref="DynamoDbReminderTable"/> as the
/// silo's <see cref="IReminderTable"/>, with options validated at start-up.
/// </summary>
public static class DynamoDbReminderExtensions
{
    /// <summary>Uses a DynamoDB table as the reminder table, e.g. <c>ob =&gt; ob.Configure(o =&gt; o.TableName = "...")</c>.</summary>
    public static ISiloBuilder UseDynamoDbReminderService(
        this ISiloBuilder builder, Action<OptionsBuilder<DynamoDbReminderTableOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReminders();
        builder.Services.AddDynamoDbReminderTable(configure);
        return builder;
    }

    /// <summary>
    /// Uses a DynamoDB table as the reminder table, bound to a configuration section (e.g. <c>Twins:Reminders:DynamoDb</c>);
    /// validation messages then name settings by their path.
    /// </summary>
    public static ISiloBuilder UseDynamoDbReminderService(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path;
        return builder.UseDynamoDbReminderService(ob => ob.Bind(configuration).Configure(options => options.SettingsPath = path));
    }

    /// <summary>Registers <see cref="DynamoDbReminderTable"/> as the <see cref="IReminderTable"/> (the reminder service is added separately).</summary>
    public static IServiceCollection AddDynamoDbReminderTable(
        this IServiceCollection services, Action<OptionsBuilder<DynamoDbReminderTableOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DynamoDbReminderTableOptions>();
        configure?.Invoke(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbReminderTableOptions>, DynamoDbReminderTableOptionsValidator>());
        services.AddSingleton<DynamoDbReminderTable>();
        services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<DynamoDbReminderTable>());
        return services;
    }
}
