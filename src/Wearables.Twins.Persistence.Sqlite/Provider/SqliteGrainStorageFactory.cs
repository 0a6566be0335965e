using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>Creates the provider registered under a name, with the options configured under that name.</summary>
internal static class SqliteGrainStorageFactory
{
    public static SqliteGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, name, options);
    }
}
