namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>One real host process shared by a test collection; tests use unique ids so they don't collide.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TwinsHostProcess? _host;

    public TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync() => _host = await TwinsHostProcess.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
