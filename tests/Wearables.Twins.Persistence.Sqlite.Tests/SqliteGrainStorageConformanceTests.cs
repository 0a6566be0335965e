using Orleans.Storage;
using Wearables.Twins.Persistence.Conformance;

namespace Wearables.Twins.Persistence.Sqlite.Tests;

/// <summary>The conformance suite against <see cref="SqliteGrainStorage"/> over a temp file.</summary>
public sealed class SqliteGrainStorageConformanceTests : GrainStorageConformance, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<Microsoft.Extensions.DependencyInjection.ServiceProvider> _containers = [];

    protected override async Task<IGrainStorage> OpenStorageAsync()
    {
        var services = SqliteTestServices.Build(_directory.DatabasePath);
        _containers.Add(services);
        return await services.StartStorageAsync();
    }

    protected override async Task CloseStorageAsync(IGrainStorage storage) =>
        await ((SqliteGrainStorage)storage).CloseAsync(CancellationToken.None);

    protected override async Task DeleteStoreAsync()
    {
        foreach (var container in _containers)
        {
            await container.DisposeAsync();
        }

        _directory.Dispose();
    }

    public void Dispose() => _directory.Dispose();
}
