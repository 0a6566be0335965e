using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Wearables.Twins.Testing;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>
/// The broker-only baseline: an in-process MQTTnet 5 server on a free loopback port whose publish hook only
/// counts messages and samples, then answers the PUBACK with Success and drops the message (no fan-out).
/// The distance between this and the end-to-end path is what decoding, the durable log and the twins cost.
/// </summary>
internal sealed class BaselineBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private long _messages;
    private long _samples;

    private BaselineBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public long Messages => Interlocked.Read(ref _messages);

    public long Samples => Interlocked.Read(ref _samples);

    public static async Task<BaselineBroker> StartAsync()
    {
        var port = FreePort.Next();
        var factory = new MqttServerFactory();
        var options = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = factory.CreateMqttServer(options);
        var broker = new BaselineBroker(server, port);
        server.InterceptingPublishAsync += broker.CountAsync;
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(new MqttServerStopOptions());
        _server.Dispose();
    }

    private Task CountAsync(InterceptingPublishEventArgs e)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _samples, SampleCounter.Count(e.ApplicationMessage.Payload));
        e.ProcessPublish = false;
        e.Response.ReasonCode = MqttPubAckReasonCode.Success;
        return Task.CompletedTask;
    }
}
