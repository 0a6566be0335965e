using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.Sqlite;

/// <summary>
/// Fills <see cref="SqliteGrainStorageOptions.GrainStorageSerializer"/> when it was left null: a serializer registered
/// as a keyed <see cref="IGrainStorageSerializer"/> under the provider name, else Orleans' binary serializer.
/// </summary>
/// <remarks>
/// Orleans' own <see cref="DefaultStorageProviderSerializerOptionsConfigurator{TOptions}"/> falls back to the silo-wide
/// serializer instead, which Orleans 10 registers as the Newtonsoft.Json one.
/// </remarks>
internal sealed class SqliteGrainStorageSerializerConfigurator(IServiceProvider services)
    : IPostConfigureOptions<SqliteGrainStorageOptions>
{
    public void PostConfigure(string? name, SqliteGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.GrainStorageSerializer is not null)
        {
            return;
        }

        options.GrainStorageSerializer =
            (name is null ? null : services.GetKeyedService<IGrainStorageSerializer>(name))
            ?? ActivatorUtilities.GetServiceOrCreateInstance<OrleansGrainStorageSerializer>(services);
    }
}
