using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Wearables.Twins.Ingest.Mqtt.Broker;
using Wearables.Twins.Ingest.Mqtt.Options;
using Wearables.Twins.Ingest.Pipeline;

namespace Wearables.Twins.Ingest.Mqtt.Client;

/// <summary>
/// Client mode: reads device telemetry from an external broker through a shared subscription and acknowledges
/// each message only once the ingest pipeline has made it durable. Messages are ingested concurrently (up to the
/// receive maximum) but acknowledged in arrival order, as MQTT requires. When the pipeline cannot take a message,
/// it is left unacknowledged and the connection is restarted so the broker delivers it again; redelivery is
/// harmless (device + message id). Reconnects with exponential backoff and jitter for as long as the silo runs.
/// </summary>
public sealed partial class ExternalBrokerSubscriber(
    TelemetryIngestor ingestor,
    IOptions<MqttClientModeOptions> options,
    TimeProvider time,
    ILogger<ExternalBrokerSubscriber> logger) : BackgroundService
{
    private const string Transport = "mqtt-client";

    private readonly MqttClientModeOptions _settings = options.Value;
    private IMqttClient? _client;
    private Connection? _connection;

    /// <summary>True while subscribed; for health checks and tests.</summary>
    public bool IsSubscribed { get; private set; }

    /// <summary>How many times a subscription was (re)established; tests await a reconnect through it.</summary>
    public int Subscriptions { get; private set; }

    public string SharedTopic => $"$share/{_settings.SharedGroup}/{_settings.TopicFilter}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var delay = _settings.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task OnDisconnected(MqttClientDisconnectedEventArgs e)
            {
                lost.TrySetResult();
                return Task.CompletedTask;
            }

            client.DisconnectedAsync += OnDisconnected;
            try
            {
                _connection = new Connection(_settings.MaxInFlight);
                var acker = AcknowledgeInOrderAsync(client, _connection, stoppingToken);
                var connected = await client.ConnectAsync(MqttClientOptionsFactory.Create(_settings), stoppingToken);
                await client.SubscribeAsync(
                    new MqttClientSubscribeOptionsBuilder().WithTopicFilter(SharedTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    stoppingToken);
                IsSubscribed = true;
                Subscriptions++;
                LogSubscribed(logger, _settings.Host, _settings.Port, SharedTopic, client.Options.ClientId, connected.IsSessionPresent);
                delay = _settings.ReconnectMinDelay;

                await lost.Task.WaitAsync(stoppingToken);
                LogConnectionLost(logger, _settings.Host, _settings.Port);
                _connection.Close();
                await acker;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogConnectFailed(logger, ex, _settings.Host, _settings.Port, delay);
            }
            finally
            {
                IsSubscribed = false;
                client.DisconnectedAsync -= OnDisconnected;
                _connection?.Close();
            }

            await Task.Delay(Jitter(delay), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.ReconnectMaxDelay.Ticks));
        }

        if (client.IsConnected)
        {
            // A clean disconnect keeps the session (and anything unacknowledged) for the next silo start.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        // The acknowledgement waits for durability; MQTTnet would otherwise send it when this handler returns.
        e.AutoAcknowledge = false;
        var connection = _connection;
        if (connection is null)
        {
            return;
        }

        var work = IngestAsync(e.ApplicationMessage);
        try
        {
            // Waits only when MaxInFlight acknowledgements are owed, which the receive maximum already prevents.
            await connection.Pending.Writer.WriteAsync(new PendingAck(e, work));
        }
        catch (ChannelClosedException)
        {
            // The connection is gone; the broker resends this message on the next one.
        }
    }

    /// <returns>True when the message was handled (stored or refused with reasons) and may be acknowledged.</returns>
    private async Task<bool> IngestAsync(MqttApplicationMessage message)
    {
        if (!TelemetryTopics.TryParseTelemetry(message.Topic, out var deviceId))
        {
            // Not ours to interpret (a misconfigured filter); acknowledging keeps it from being resent forever.
            LogForeignTopic(logger, message.Topic);
            return true;
        }

        var report = await ingestor.IngestAsync(message.Payload, new IngestSource(Transport, deviceId), CancellationToken.None);
        if (report.Outcome == IngestOutcome.Unavailable)
        {
            return false;
        }

        if (report.Outcome != IngestOutcome.Stored || report.Rejected > 0)
        {
            await PublishRejectsAsync(deviceId, report);
        }

        return true;
    }

    private async Task AcknowledgeInOrderAsync(IMqttClient client, Connection connection, CancellationToken stoppingToken)
    {
        await foreach (var pending in connection.Pending.Reader.ReadAllAsync(CancellationToken.None))
        {
            bool handled;
            try
            {
                handled = await pending.Work;
            }
            catch (Exception ex)
            {
                LogIngestFailed(logger, ex, pending.Message.ApplicationMessage.Topic);
                handled = false;
            }

            if (!connection.IsOpen)
            {
                // Its packet id belongs to a closed connection: the broker resends it on the next one.
                continue;
            }

            if (!handled)
            {
                // Everything after this one must wait for it (acks are in order), so restart the connection and
                // let the broker deliver it again.
                connection.Close();
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            try
            {
                await pending.Message.AcknowledgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAckFailed(logger, ex, pending.Message.ApplicationMessage.Topic);
                connection.Close();
            }
        }
    }

    private async Task PublishRejectsAsync(string deviceId, IngestReport report)
    {
        if (_client is not { IsConnected: true } client)
        {
            return;
        }

        var rejects = new MqttApplicationMessageBuilder()
            .WithTopic(TelemetryTopics.Rejects(deviceId))
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(report, IngestJsonContext.Default.IngestReport))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .WithContentType("application/json")
            .Build();
        try
        {
            await client.PublishAsync(rejects, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The samples' fate is already decided and logged; a lost report is not worth failing the message.
            LogRejectsNotPublished(logger, ex, deviceId);
        }
    }

    private static TimeSpan Jitter(TimeSpan delay)
        => TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble() / 2)));

    private readonly record struct PendingAck(MqttApplicationMessageReceivedEventArgs Message, Task<bool> Work);

    /// <summary>The acknowledgements owed on one connection, in arrival order.</summary>
    private sealed class Connection(int capacity)
    {
        private int _open = 1;

        public Channel<PendingAck> Pending { get; } = Channel.CreateBounded<PendingAck>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

        public bool IsOpen => Volatile.Read(ref _open) == 1;

        public void Close()
        {
            if (Interlocked.Exchange(ref _open, 0) == 1)
            {
                Pending.Writer.TryComplete();
            }
        }
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information,
        Message = "Subscribed to {Topic} on {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    private static partial void LogSubscribed(ILogger logger, string host, int port, string topic, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Lost the connection to {Host}:{Port}; reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "Could not connect to {Host}:{Port}; retrying in about {Delay}")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string host, int port, TimeSpan delay);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Warning, Message = "Ignored a message on {Topic}: not a wearables/{{deviceId}}/telemetry topic")]
    private static partial void LogForeignTopic(ILogger logger, string topic);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Error, Message = "Ingest of a message on {Topic} failed; it will be redelivered")]
    private static partial void LogIngestFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 1315, Level = LogLevel.Warning, Message = "Could not acknowledge a message on {Topic}; the broker will resend it")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(EventId = 1316, Level = LogLevel.Debug, Message = "Could not publish the rejects report of {DeviceId}")]
    private static partial void LogRejectsNotPublished(ILogger logger, Exception exception, string deviceId);
}
