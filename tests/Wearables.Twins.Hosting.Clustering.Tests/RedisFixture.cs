using Wearables.Twins.Testing;

namespace Wearables.Twins.Hosting.Clustering.Tests;

/// <summary>One redis-server for the test class, on a free port, stopped afterwards.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("redis-server is not running.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
