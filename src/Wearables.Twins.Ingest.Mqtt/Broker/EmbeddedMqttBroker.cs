using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Wearables.Twins.Ingest.Mqtt.Options;
using Wearables.Twins.Ingest.Pipeline;

namespace Wearables.Twins.Ingest.Mqtt.Broker;

/// <summary>
/// The in-process MQTTnet broker. Telemetry is taken straight from the publish hook: the hook awaits the
/// ingest pipeline, and MQTTnet sends the QoS 1 PUBACK only after the hook returns, so a PUBACK means the
/// samples are durable. Rejections carry an MQTT 5 reason code and string, and a report on the device's
/// rejects topic for MQTT 3.1.1 devices, whose PUBACK cannot say no.
/// </summary>
public sealed partial class EmbeddedMqttBroker(
    TelemetryIngestor ingestor,
    IOptions<MqttBrokerOptions> options,
    ILogger<EmbeddedMqttBroker> logger) : IHostedService, IDisposable
{
    private const string ServiceClientId = "wearables-twins";

    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(address)
            .WithDefaultEndpointBoundIPV6Address(IPv6Counterpart(address))
            .WithDefaultEndpointPort(settings.Port)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        await _server.StartAsync();
        LogStarted(logger, settings.BindAddress, settings.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public void Dispose() => _server?.Dispose();

    /// <summary>
    /// MQTTnet also listens on IPv6, on any address unless told otherwise, which would bypass a loopback-only
    /// setting. Loopback stays loopback, any stays any, and a specific IPv4 address gets no IPv6 listener.
    /// </summary>
    private static IPAddress IPv6Counterpart(IPAddress address)
        => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address
            : IPAddress.IsLoopback(address) ? IPAddress.IPv6Loopback
            : address.Equals(IPAddress.Any) ? IPAddress.IPv6Any
            : IPAddress.None;

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        // The plain listener admits any client id; the device identity rule is enforced per publish (topic vs
        // envelope). Certificate-based identity replaces this on the TLS listener.
        if (string.IsNullOrEmpty(e.ClientId) || e.ClientId == ServiceClientId)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ClientId == ServiceClientId)
        {
            return;
        }

        var message = e.ApplicationMessage;
        if (!TelemetryTopics.TryParseTelemetry(message.Topic, out var deviceId))
        {
            e.ProcessPublish = false;
            e.Response.ReasonCode = MqttPubAckReasonCode.TopicNameInvalid;
            e.Response.ReasonString = "Devices publish telemetry to wearables/{deviceId}/telemetry.";
            return;
        }

        // Telemetry is consumed here, not fanned out: no subscriber needs raw device payloads.
        e.ProcessPublish = false;
        var report = await ingestor.IngestAsync(message.Payload, new IngestSource("mqtt", deviceId), e.CancellationToken);
        e.Response.ReasonCode = PublishVerdict.ReasonCode(report);
        e.Response.ReasonString = PublishVerdict.ReasonString(report);
        if (report.Outcome != IngestOutcome.Stored || report.Rejected > 0)
        {
            await PublishRejectsAsync(deviceId, report);
        }
    }

    private async Task PublishRejectsAsync(string deviceId, IngestReport report)
    {
        if (_server is null)
        {
            return;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(report, IngestJsonContext.Default.IngestReport);
        var rejects = new MqttApplicationMessageBuilder()
            .WithTopic(TelemetryTopics.Rejects(deviceId))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        await _server.InjectApplicationMessage(new InjectedMqttApplicationMessage(rejects) { SenderClientId = ServiceClientId });
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port}")]
    private static partial void LogStarted(ILogger logger, string address, int port);
}
