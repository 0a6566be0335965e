using MQTTnet;
using MQTTnet.Formatter;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>One mosquitto (mutual TLS, per-device ACL) for the client-mode tests, and devices that connect to it.</summary>
public sealed class MosquittoFixture : IAsyncLifetime
{
    private MosquittoServer? _broker;

    public MosquittoServer Broker => _broker ?? throw new InvalidOperationException("The broker is not started.");

    public async Task InitializeAsync() => _broker = await MosquittoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    /// <summary>The host settings for a silo reading this broker's telemetry as the service user.</summary>
    public Dictionary<string, string> ClientModeSettings(string group)
    {
        var service = Broker.Pki.Client(MosquittoServer.ServiceUser);
        return new Dictionary<string, string>
        {
            ["Twins:Mqtt:Enabled"] = "false",
            ["Twins:Mqtt:Client:Enabled"] = "true",
            ["Twins:Mqtt:Client:Host"] = "127.0.0.1",
            ["Twins:Mqtt:Client:Port"] = Broker.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twins:Mqtt:Client:CaCertificatePath"] = Broker.Pki.CaPath,
            ["Twins:Mqtt:Client:ClientCertificatePath"] = service.CertificatePath,
            ["Twins:Mqtt:Client:ClientKeyPath"] = service.KeyPath,
            ["Twins:Mqtt:Client:ClientId"] = $"silo-{group}",
            ["Twins:Mqtt:Client:SharedGroup"] = group,
            ["Twins:Mqtt:Client:ReconnectMaxDelay"] = "00:00:01",
        };
    }

    /// <summary>A device with its own certificate (CN = device id) on the TLS listener, speaking MQTT 5.</summary>
    public async Task<IMqttClient> ConnectDeviceAsync(string deviceId)
    {
        var certificate = Broker.Pki.Client(deviceId);
        var chain = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        chain.ImportFromPemFile(Broker.Pki.CaPath);
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", Broker.TlsPort)
            .WithClientId(deviceId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithTlsOptions(tls => tls.UseTls().WithTargetHost("127.0.0.1").WithTrustChain(chain)
                .WithClientCertificates([certificate.Load()]))
            .Build());
        return client;
    }
}
