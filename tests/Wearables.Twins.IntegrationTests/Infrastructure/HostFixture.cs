using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>
/// One real host process shared by a test collection; tests use unique ids so they don't collide. Its TLS doors are open
/// (the broker's listener for device certificates and the HTTPS endpoint), as a deployment serving devices has them.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private TwinsHostProcess? _host;

    public TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public int MqttTlsPort { get; } = FreePort.Next();

    public int HttpsPort { get; } = FreePort.Next();

    public async Task InitializeAsync() => _host = await TwinsHostProcess.StartAsync(_data.Path, new Dictionary<string, string>
    {
        ["Twins:Mqtt:Tls:Enabled"] = "true",
        ["Twins:Mqtt:Tls:Port"] = MqttTlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Twins:Http:Tls:Enabled"] = "true",
        ["Twins:Http:Tls:Port"] = HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

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
