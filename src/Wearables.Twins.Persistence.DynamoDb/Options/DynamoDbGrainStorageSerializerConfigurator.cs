using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Fills <see cref="DynamoDbGrainStorageOptions.GrainStorageSerializer"/> when left null: a keyed
/// <see cref="IGrainStorageSerializer"/> registered under the provider name, else Orleans' binary serializer (the same
/// rule as the SQLite provider, so a state moves between the two unchanged).
/// </summary>
internal sealed class DynamoDbGrainStorageSerializerConfigurator(IServiceProvider services)
    : IPostConfigureOptions<DynamoDbGrainStorageOptions>
{
    public void PostConfigure(string? name, DynamoDbGrainStorageOptions options)
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
