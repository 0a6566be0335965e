using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Hosting.Clustering;
using Wearables.Twins.Persistence.DynamoDb;

namespace Orleans.Hosting;

/// <summary>
/// Adds Orleans reminders with a durable table chosen like grain state (<see cref="TwinsReminderSettings.Provider"/>):
/// a SQLite file in the data directory for the embedded profile, a DynamoDB table for the AWS profile.
/// </summary>
public static class TwinsRemindersExtensions
{
    /// <summary>Adds the reminder service and the reminder table of the configured storage profile.</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configuration">The host configuration.</param>
    /// <param name="dataDirectory">The data directory; the SQLite table is <c>reminders.db</c> in it.</param>
    /// <exception cref="OrleansConfigurationException">The storage provider is neither <c>sqlite</c> nor <c>dynamodb</c>.</exception>
    public static ISiloBuilder UseTwinsReminders(this ISiloBuilder builder, IConfiguration configuration, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        builder.AddReminders();
        var value = configuration[TwinsReminderSettings.Provider];
        var choice = string.IsNullOrWhiteSpace(value) ? TwinsReminderSettings.SqliteChoice : value.Trim().ToLowerInvariant();
        return choice switch
        {
            TwinsReminderSettings.SqliteChoice => builder.UseSqliteReminderService(
                options => options.DatabasePath = Path.Combine(dataDirectory, TwinsReminderSettings.SqliteFileName)),
            TwinsReminderSettings.DynamoDbChoice => UseDynamoDb(builder, configuration),
            _ => throw new OrleansConfigurationException(
                $"Reminders are misconfigured: {TwinsReminderSettings.Provider} is '{value}'; use '{TwinsReminderSettings.SqliteChoice}' or '{TwinsReminderSettings.DynamoDbChoice}'."),
        };
    }

    private static ISiloBuilder UseDynamoDb(ISiloBuilder builder, IConfiguration configuration)
    {
        // Reach DynamoDB exactly as grain storage does; only the table differs. The reminder section is bound after,
        // so any of its settings overrides these. Settings come from two sections, so validation messages name the
        // option properties rather than one configuration path.
        var storage = configuration.GetSection(TwinsReminderSettings.StorageDynamoDb);
        return builder.UseDynamoDbReminderService(ob => ob
            .Configure(options =>
            {
                options.ServiceUrl = storage[nameof(DynamoDbConnectionOptions.ServiceUrl)];
                options.Region = storage[nameof(DynamoDbConnectionOptions.Region)];
                options.AccessKey = storage[nameof(DynamoDbConnectionOptions.AccessKey)];
                options.SecretKey = storage[nameof(DynamoDbConnectionOptions.SecretKey)];
                options.CreateIfNotExists = storage.GetValue(nameof(DynamoDbConnectionOptions.CreateIfNotExists), false);
            })
            .Bind(configuration.GetSection(TwinsReminderSettings.DynamoDb)));
    }
}
