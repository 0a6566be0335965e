using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Wearables.Twins.Ingest.Mqtt.Options;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Ingest.Mqtt.Broker;

/// <summary>
/// The in-process MQTTnet broker. Telemetry is taken straight from the publish hook: the hook awaits the
/// ingest pipeline, and MQTTnet sends the QoS 1 PUBACK only after the hook returns, so a PUBACK means the
/// samples are durable. Rejections carry an MQTT 5 reason code and string, and a report on the device's
/// rejects topic for MQTT 3.1.1 devices, whose PUBACK cannot say no. On the TLS listener a device is who its client
/// certificate says (<see cref="CertifiedDevices"/>).
/// </summary>
public sealed partial class EmbeddedMqttBroker(
    TelemetryIngestor ingestor,
    IOptions<MqttBrokerOptions> options,
    IServiceProvider services,
    ILogger<EmbeddedMqttBroker> logger) : IHostedService, IDeviceSessionTerminator, IDisposable
{
    private const string ServiceClientId = "wearables-twins";

    private MqttServer? _server;
    private CertifiedDevices? _certified;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var address = IPAddress.Parse(settings.BindAddress);
        var builder = new MqttServerOptionsBuilder();
        builder = settings.PlainEnabled
            ? builder.WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(address)
                .WithDefaultEndpointBoundIPV6Address(IPv6Counterpart(address))
                .WithDefaultEndpointPort(settings.Port)
            : builder.WithoutDefaultEndpoint();
        if (settings.Tls.Enabled)
        {
            builder = WithTlsListener(builder, settings);
        }

        var serverOptions = builder.Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientDisconnectedAsync += ForgetDisconnected;
        await _server.StartAsync();
        if (settings.PlainEnabled)
        {
            LogStarted(logger, settings.BindAddress, settings.Port);
        }

        if (settings.Tls.Enabled)
        {
            LogTlsStarted(logger, settings.Tls.BindAddress ?? settings.BindAddress, serverOptions.TlsEndpointOptions.Port);
        }
    }

    /// <summary>Closes, on this silo, the sessions authenticated by revoked certificates; other silos notice at their next check.</summary>
    public async ValueTask TerminateAsync(string deviceId, ImmutableArray<string> serials)
    {
        if (_server is null || _certified is null)
        {
            return;
        }

        foreach (var clientId in _certified.Revoke(deviceId, serials))
        {
            try
            {
                await _server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions
                {
                    ReasonCode = MqttDisconnectReasonCode.NotAuthorized,
                    ReasonString = "The device certificate of this session has been revoked.",
                });
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    private MqttServerOptionsBuilder WithTlsListener(MqttServerOptionsBuilder builder, MqttBrokerOptions settings)
    {
        var authenticator = services.GetRequiredService<DeviceCertificateAuthenticator>();
        _certified = new CertifiedDevices(authenticator, services.GetRequiredService<IngestMetrics>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System, logger);
        var address = IPAddress.Parse(settings.Tls.BindAddress ?? settings.BindAddress);

        // The handshake admits any certificate, or none: the CONNECT then gets NotAuthorized with the reason in words,
        // which tells a device developer far more than a TLS alert. Nothing is accepted before that CONNACK.
        // CA5359 takes this for a server-certificate check; it is the client's, checked at CONNECT by CertifiedDevices.
#pragma warning disable CA5359
        return builder.WithEncryptedEndpoint()
            .WithEncryptedEndpointBoundIPAddress(address)
            .WithEncryptedEndpointBoundIPV6Address(IPv6Counterpart(address))
            .WithEncryptedEndpointPort(settings.Tls.Port)
            .WithEncryptionCertificate(services.GetRequiredService<TlsServerCertificate>().Certificate)
            .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13)
            .WithClientCertificate(DeferToConnect);
#pragma warning restore CA5359
    }

    private static bool DeferToConnect(object sender, System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        System.Security.Cryptography.X509Certificates.X509Chain? chain, System.Net.Security.SslPolicyErrors errors) => true;

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
        if (string.IsNullOrEmpty(e.ClientId) || e.ClientId == ServiceClientId)
        {
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return Task.CompletedTask;
        }

        if (_certified is null)
        {
            return Task.CompletedTask;
        }

        // The plain listener admits any client id and enforces topic = envelope device per publish; on the TLS listener the
        // certificate names the one device the client may be.
        if (e.IsSecureConnection)
        {
            return _certified.AdmitAsync(e);
        }

        _certified.Forget(e.ClientId);
        return Task.CompletedTask;
    }

    private Task ForgetDisconnected(ClientDisconnectedEventArgs e)
    {
        // A takeover's new connection has already been admitted under the same client id; only a real goodbye forgets it.
        if (e.DisconnectType != MqttClientDisconnectType.Takeover)
        {
            _certified?.Forget(e.ClientId);
        }

        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        if (_certified is not null && !_certified.MaySubscribe(e.ClientId, e.TopicFilter.Topic))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            e.Response.ReasonString = "A device subscribes only under its own topics (wearables/{deviceId}/…).";
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
        if (_certified is not null && await _certified.RefusePublishAsync(e.ClientId, deviceId) is { } problem)
        {
            e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            e.Response.ReasonString = problem.Detail;
            if (_certified.DeviceOf(e.ClientId) is { } certifiedDevice)
            {
                // Told on its own rejects topic too: an MQTT 3.1.1 PUBACK cannot say no.
                await PublishRejectsAsync(certifiedDevice, IngestReport.Refused(problem, deviceId, null));
            }
            else
            {
                e.CloseConnection = true;
            }

            return;
        }

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

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Embedded MQTT broker listening for devices with client certificates on {Address}:{Port} (TLS)")]
    private static partial void LogTlsStarted(ILogger logger, string address, int port);
}
