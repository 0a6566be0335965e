using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>Creates the provider registered under a name, with the options configured under that name.</summary>
internal static class DynamoDbGrainStorageFactory
{
    public static DynamoDbGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<DynamoDbGrainStorageOptions>>().Get(name);
        return ActivatorUtilities.CreateInstance<DynamoDbGrainStorage>(services, name, options);
    }
}
