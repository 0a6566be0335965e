using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MQTTnet.Server;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Simulator.Tests;

/// <summary>An MQTTnet 5 broker on a free loopback port that records every publish it receives.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly List<Func<ReceivedMessage, Task>> _observers = [];

    private InProcessBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public MqttServer Server => _server;

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>Decides the PUBACK reason for a publish; null accepts it.</summary>
    public Func<ReceivedMessage, MQTTnet.Protocol.MqttPubAckReasonCode?>? Reject { get; set; }

    /// <summary>The common name of the client certificate each client id connected with (TLS brokers only).</summary>
    public ConcurrentDictionary<string, string?> ClientCertificates { get; } = new(StringComparer.Ordinal);

    public static async Task<InProcessBroker> StartAsync()
    {
        var port = FreePort();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        return await StartAsync(factory.CreateMqttServer(options), port);
    }

    /// <summary>
    /// A broker with only a TLS listener, presenting <paramref name="serverCertificate"/> and requiring a client certificate.
    /// As the embedded broker, it does not judge the certificate at the handshake: the tests read who it names.
    /// </summary>
    public static async Task<InProcessBroker> StartTlsAsync(X509Certificate2 serverCertificate)
    {
        var port = FreePort();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithoutDefaultEndpoint()
            .WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(IPAddress.Loopback)
            .WithEncryptedEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithEncryptedEndpointPort(port)
            .WithEncryptionCertificate(serverCertificate)
            .WithClientCertificate((_, certificate, _, _) => certificate is not null)
            .Build();
        var server = factory.CreateMqttServer(options);
        var broker = await StartAsync(server, port);
        server.ValidatingConnectionAsync += e =>
        {
            broker.ClientCertificates[e.ClientId] = e.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return Task.CompletedTask;
        };
        return broker;
    }

    private static async Task<InProcessBroker> StartAsync(MqttServer server, int port)
    {
        var broker = new InProcessBroker(server, port);
        server.InterceptingPublishAsync += broker.OnPublishAsync;
        await server.StartAsync();
        return broker;
    }

    public void Observe(Func<ReceivedMessage, Task> observer)
    {
        lock (_observers)
        {
            _observers.Add(observer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(new MqttServerStopOptions());
        _server.Dispose();
    }

    private async Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        var message = new ReceivedMessage(e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray());
        Messages.Enqueue(message);
        if (Reject?.Invoke(message) is { } reason)
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = reason;
        }

        Func<ReceivedMessage, Task>[] observers;
        lock (_observers)
        {
            observers = [.. _observers];
        }

        foreach (var observer in observers)
        {
            await observer(message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

internal sealed record ReceivedMessage(string ClientId, string Topic, byte[] Payload)
{
    /// <summary>The payload read strictly through the wire contract; throws if it is not a valid envelope.</summary>
    public TelemetryEnvelope Envelope()
        => JsonSerializer.Deserialize(Payload, TelemetryJsonContext.Default.TelemetryEnvelope)
            ?? throw new JsonException("The payload is JSON null.");
}
