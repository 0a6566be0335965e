using System.CommandLine;
using System.Globalization;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Wearables.Twins.Simulator.Cli;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Simulator.Tests;

public sealed class EndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_cli_publishes_valid_envelopes_from_every_device_on_its_own_topic()
    {
        await using var broker = await InProcessBroker.StartAsync();
        string[] devices = ["sim-watch-0001", "sim-watch-0002", "sim-watch-0003"];
        var everyDeviceSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Observe(_ =>
        {
            if (devices.All(d => broker.Messages.Count(m => m.ClientId == d) >= 3))
            {
                everyDeviceSent.TrySetResult();
            }

            return Task.CompletedTask;
        });

        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--devices", "3", "--broker-port", broker.Port.ToString(CultureInfo.InvariantCulture), "--no-bind",
            "--duration", "2s", "--speed", "120", "--seed", "42",
        ];
        var exitCode = await SimulatorCli.CreateRootCommand().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error })
            .WaitAsync(Patience);
        await everyDeviceSent.Task.WaitAsync(Patience);

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}{output}");
        Assert.Contains("non-success 0", output.ToString(), StringComparison.Ordinal);
        var messages = broker.Messages.ToList();
        Assert.Equal(devices, messages.Select(m => m.ClientId).Distinct().Order());
        var ids = new HashSet<string>();
        foreach (var message in messages)
        {
            Assert.Equal($"wearables/{message.ClientId}/telemetry", message.Topic);
            var envelope = message.Envelope();
            Assert.Equal(TelemetryEnvelope.SchemaV1, envelope.Schema);
            Assert.Equal(message.ClientId, envelope.DeviceId);
            Assert.True(ids.Add(envelope.MessageId!), $"{envelope.MessageId} sent twice");
            Assert.NotEmpty(envelope.Samples);
            Assert.All(envelope.Samples, s => Assert.True(
                DateTimeOffset.Parse(s.Time!, CultureInfo.InvariantCulture) <= DateTimeOffset.UtcNow));
        }

        // Each patient has a wall clock of its own.
        var offsets = messages.GroupBy(m => m.ClientId).Select(g => g.First().Envelope().Samples[0].Time![^6..]).Distinct();
        Assert.Equal(3, offsets.Count());
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V311)]
    [InlineData(MqttProtocolVersion.V500)]
    public async Task Every_qos1_publish_is_acknowledged_and_counted(MqttProtocolVersion version)
    {
        await using var broker = await InProcessBroker.StartAsync();
        var options = new SimulatorOptions
        {
            Devices = 3,
            BrokerPort = broker.Port,
            Bind = false,
            Duration = TimeSpan.FromSeconds(1),
            Speed = 600,
            Batch = TimeSpan.FromSeconds(60),
            ProtocolVersion = version,
            Seed = 7,
        };

        var result = await new FleetSimulator().RunAsync(options).WaitAsync(Patience);

        Assert.Equal(3, result.Devices);
        Assert.Equal(7, result.Seed);
        Assert.True(result.Messages >= 3 * 9, $"{result.Messages} messages");
        Assert.Equal(result.Messages, broker.Messages.Count);
        Assert.Equal(result.Messages, result.Acks);
        Assert.Equal(0, result.NonSuccessAcks);
        Assert.Equal(3, result.Connects);
        Assert.Equal(result.Samples, broker.Messages.Sum(m => (long)m.Envelope().Samples.Count));
        Assert.Equal(result.SimulatedStart + TimeSpan.FromMinutes(10), result.SimulatedEnd);
        Assert.True(result.SimulatedEnd <= DateTimeOffset.UtcNow);
        Assert.False(result.Cancelled);

        // MQTT 5 reports no subscriber with its own success code; MQTT 3.1.1 PUBACKs carry no reason at all.
        var reason = version == MqttProtocolVersion.V500
            ? MqttClientPublishReasonCode.NoMatchingSubscribers
            : MqttClientPublishReasonCode.Success;
        Assert.Equal(result.Acks, result.AcksByReason[reason]);
    }

    [Fact]
    public async Task Refusals_are_counted_by_reason_code()
    {
        await using var broker = await InProcessBroker.StartAsync();
        broker.Reject = m => m.ClientId == "sim-watch-0002" ? MqttPubAckReasonCode.PayloadFormatInvalid : MqttPubAckReasonCode.Success;
        var options = new SimulatorOptions
        {
            Devices = 2,
            BrokerPort = broker.Port,
            Bind = false,
            Duration = TimeSpan.FromSeconds(1),
            Speed = 300,
            Batch = TimeSpan.FromSeconds(30),
            Seed = 3,
        };

        var result = await new FleetSimulator().RunAsync(options).WaitAsync(Patience);

        var refused = broker.Messages.Count(m => m.ClientId == "sim-watch-0002");
        Assert.True(refused > 0);
        Assert.Equal(refused, result.NonSuccessAcks);
        Assert.Equal(refused, result.AcksByReason[MqttClientPublishReasonCode.PayloadFormatInvalid]);
        Assert.Equal(result.Messages - refused, result.AcksByReason[MqttClientPublishReasonCode.Success]);
    }

    [Fact]
    public async Task A_device_that_loses_its_connection_reconnects_and_goes_on_publishing()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var kicked = 0;
        var afterReconnect = 0;
        var publishedAfterReconnect = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        broker.Server.ClientConnectedAsync += e =>
        {
            if (e.ClientId == "sim-watch-0001" && Volatile.Read(ref kicked) == 1)
            {
                reconnected.TrySetResult();
            }

            return Task.CompletedTask;
        };
        broker.Observe(message =>
        {
            if (message.ClientId != "sim-watch-0001")
            {
                return Task.CompletedTask;
            }

            if (Interlocked.CompareExchange(ref kicked, 1, 0) == 0)
            {
                // Drop the device's connection once, after its first message (outside the publish handler).
                _ = Task.Run(() => broker.Server.DisconnectClientAsync(message.ClientId, new MqttServerClientDisconnectOptions()));
            }
            else if (reconnected.Task.IsCompleted && Interlocked.Increment(ref afterReconnect) == 3)
            {
                // The first publish after reconnecting resends the interrupted message; a device publishes one at a
                // time, so seeing a third means the resend and the next new message were both acknowledged.
                publishedAfterReconnect.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var options = new SimulatorOptions
        {
            Devices = 1,
            BrokerPort = broker.Port,
            Bind = false,
            Duration = TimeSpan.Zero,
            Speed = 60,
            Batch = TimeSpan.FromSeconds(5),
            Seed = 11,
        };

        using var stop = new CancellationTokenSource();
        var run = new FleetSimulator().RunAsync(options, stop.Token);
        await publishedAfterReconnect.Task.WaitAsync(Patience);
        await stop.CancelAsync();
        var result = await run.WaitAsync(Patience);

        Assert.True(result.Cancelled);
        Assert.Equal(1, result.Connects);
        Assert.True(result.Reconnects >= 1, $"{result.Reconnects} reconnects");
        Assert.True(result.Messages >= 2);
        Assert.Equal(0, result.NonSuccessAcks);
    }
}
