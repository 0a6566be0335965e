using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.DynamoDb.Tests;

/// <summary>The shared grain storage conformance suite against <see cref="DynamoDbGrainStorage"/> on dynalite.</summary>
public sealed class DynamoDbGrainStorageConformanceTests : GrainStorageConformance
{
    // One table for the class (grain ids are unique per test), created by the first provider that starts.
    private static readonly string TableName = DynamoDbTestServices.UniqueTableName("storage-conformance");

    private readonly List<ServiceProvider> _containers = [];

    protected override async Task<IGrainStorage> OpenStorageAsync()
    {
        var services = await DynamoDbTestServices.BuildStorageServicesAsync(TableName);
        _containers.Add(services);
        return await services.StartStorageAsync();
    }

    protected override async Task CloseStorageAsync(IGrainStorage storage) =>
        await ((DynamoDbGrainStorage)storage).CloseAsync(CancellationToken.None);

    protected override async Task DeleteStoreAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }
    }
}
