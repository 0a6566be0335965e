using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Storage;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>Builds a container with the provider registered the way a silo registers it, without a silo.</summary>
public static class SqliteTestServices
{
    public const string ProviderName = "sqlite-tests";

    public static ServiceProvider Build(string databasePath, Action<SqliteGrainStorageOptions>? configure = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(ConformanceState).Assembly));
        services.AddSqliteGrainStorage(ProviderName, ob => ob.Configure(options =>
        {
            options.DatabasePath = databasePath;
            configure?.Invoke(options);
        }));
        return services.BuildServiceProvider();
    }

    public static SqliteGrainStorage GetStorage(this IServiceProvider services) =>
        (SqliteGrainStorage)services.GetRequiredKeyedService<IGrainStorage>(ProviderName);

    public static async Task<SqliteGrainStorage> StartStorageAsync(this IServiceProvider services)
    {
        var storage = services.GetStorage();
        await storage.InitAsync(CancellationToken.None);
        return storage;
    }
}
