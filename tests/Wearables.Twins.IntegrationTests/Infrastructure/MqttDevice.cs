using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>A device connected to the embedded broker with MQTTnet's client.</summary>
internal sealed class MqttDevice : IAsyncDisposable
{
    private readonly IMqttClient _client;

    private MqttDevice(IMqttClient client, string deviceId)
    {
        _client = client;
        DeviceId = deviceId;
    }

    public string DeviceId { get; }

    public IMqttClient Client => _client;

    public static async Task<MqttDevice> ConnectAsync(int port, string deviceId, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(deviceId)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        await client.ConnectAsync(options);
        return new MqttDevice(client, deviceId);
    }

    public Task<MqttClientPublishResult> PublishAsync(byte[] payload, string? topic = null,
        MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
        => _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic ?? $"wearables/{DeviceId}/telemetry")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(qos)
            .Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker may already be gone (killed host).
            }
        }

        _client.Dispose();
    }
}
