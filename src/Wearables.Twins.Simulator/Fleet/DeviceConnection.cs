using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>
/// The one MQTT connection of a device. Publishes wait for the PUBACK at QoS 1; a connection lost on the way
/// is re-established (with back-off) and the same message, with the same message id, is sent again.
/// </summary>
internal sealed class DeviceConnection : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(5);

    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly SimulatorOptions _options;
    private readonly FleetCounters _counters;
    private readonly TimeProvider _time;
    private bool _everConnected;

    public DeviceConnection(string clientId, SimulatorOptions options, FleetTlsCredentials? tls, FleetCounters counters, TimeProvider time)
    {
        _options = options;
        _counters = counters;
        _time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected)
            {
                _counters.ConnectionDown();
            }

            return Task.CompletedTask;
        };
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.BrokerHost, options.BrokerPort)
            .WithClientId(clientId)
            .WithProtocolVersion(options.ProtocolVersion)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (options.UseTls)
        {
            builder = builder.WithTlsOptions(o => ConfigureTls(o, options, tls, clientId));
        }

        _clientOptions = builder.Build();
    }

    public bool IsConnected => _client.IsConnected;

    public async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (!_client.IsConnected)
        {
            try
            {
                var result = await _client.ConnectAsync(_clientOptions, cancellationToken);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    // A refused CONNECT (say a revoked certificate) is no connection: back off like any failure, never spin.
                    _counters.ConnectFailed();
                    _counters.LastError = $"{_options.BrokerHost}:{_options.BrokerPort} refused the connection: {result.ResultCode} {result.ReasonString}";
                    await Task.Delay(backoff, _time, cancellationToken);
                    backoff = Next(backoff);
                    continue;
                }

                _counters.ConnectionUp(first: !_everConnected);
                _everConnected = true;
            }
            catch (Exception ex) when (EndedWhileBusy(ex, cancellationToken))
            {
                throw new OperationCanceledException("The run ended while connecting.", ex, cancellationToken);
            }
            catch (Exception ex) when (IsConnectionProblem(ex, cancellationToken))
            {
                _counters.ConnectFailed();
                _counters.LastError = $"connect to {_options.BrokerHost}:{_options.BrokerPort} failed: {ex.Message}";
                await Task.Delay(backoff, _time, cancellationToken);
                backoff = Next(backoff);
            }
        }
    }

    /// <summary>Sends <paramref name="payload"/> until the broker has it (PUBACK at QoS 1).</summary>
    public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(_options.Qos);
        if (_options.ProtocolVersion == MqttProtocolVersion.V500)
        {
            builder = builder
                .WithContentType("application/json")
                .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        }

        var message = builder.Build();
        var backoff = FirstBackoff;
        while (true)
        {
            await EnsureConnectedAsync(cancellationToken);
            try
            {
                var result = await _client.PublishAsync(message, cancellationToken);
                if (_options.Qos != MqttQualityOfServiceLevel.AtMostOnce)
                {
                    _counters.Acked(result.ReasonCode);
                }

                return;
            }
            catch (Exception ex) when (EndedWhileBusy(ex, cancellationToken))
            {
                throw new OperationCanceledException("The run ended while publishing.", ex, cancellationToken);
            }
            catch (Exception ex) when (IsConnectionProblem(ex, cancellationToken))
            {
                _counters.PublishFailed();
                _counters.LastError = $"publish failed: {ex.Message}";
                await Task.Delay(backoff, _time, cancellationToken);
                backoff = Next(backoff);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
            try
            {
                await _client.DisconnectAsync(
                    new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(),
                    timeout.Token);
            }
            catch (Exception ex) when (IsConnectionProblem(ex, CancellationToken.None))
            {
                // Closing anyway.
            }
        }

        _client.Dispose();
    }

    private static void ConfigureTls(MqttClientTlsOptionsBuilder tls, SimulatorOptions options, FleetTlsCredentials? credentials, string clientId)
    {
        tls.UseTls()
            .WithTargetHost(options.TlsServerName ?? options.BrokerHost)
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
        if (credentials?.TrustChain is { } trustChain)
        {
            // The service's device authority publishes no revocation list (the broker checks its own registry), so there
            // is nothing to fetch; saying so keeps the handshake off the network whatever the platform's default.
            tls.WithTrustChain(trustChain).WithRevocationMode(X509RevocationMode.NoCheck);
        }

        if (credentials?.ClientCertificateFor(clientId) is { } certificate)
        {
            tls.WithClientCertificates([certificate]);
        }
    }

    private static TimeSpan Next(TimeSpan backoff) => backoff * 2 < LongestBackoff ? backoff * 2 : LongestBackoff;

    /// <summary>A failure worth retrying: the connection, not the end of the run.</summary>
    private static bool IsConnectionProblem(Exception ex, CancellationToken cancellationToken)
        => !cancellationToken.IsCancellationRequested
            && ex is MqttCommunicationException or SocketException or IOException or TimeoutException or OperationCanceledException;

    /// <summary>MQTTnet may report a cancelled operation as a communication error; it is the run ending.</summary>
    private static bool EndedWhileBusy(Exception ex, CancellationToken cancellationToken)
        => cancellationToken.IsCancellationRequested
            && ex is MqttCommunicationException or SocketException or IOException or TimeoutException or ObjectDisposedException;
}
