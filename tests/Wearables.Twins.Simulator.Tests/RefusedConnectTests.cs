using MQTTnet.Protocol;

namespace Wearables.Twins.Simulator.Tests;

/// <summary>A broker that answers CONNECT with a refusal (a revoked certificate, say) gets back-off, not a reconnect storm.</summary>
public sealed class RefusedConnectTests
{
    [Fact]
    public async Task A_refused_connect_counts_as_failed_and_backs_off()
    {
        await using var broker = await InProcessBroker.StartAsync();
        var attempts = 0;
        broker.Server.ValidatingConnectionAsync += e =>
        {
            Interlocked.Increment(ref attempts);
            e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
            e.ReasonString = "The certificate has been revoked.";
            return Task.CompletedTask;
        };

        var result = await new FleetSimulator().RunAsync(new SimulatorOptions
            {
                Devices = 1,
                BrokerPort = broker.Port,
                Bind = false,
                Duration = TimeSpan.FromSeconds(2),
                Speed = 120,
                Batch = TimeSpan.FromSeconds(30),
                Seed = 3,
            })
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, result.Connects);
        Assert.Empty(broker.Messages);

        // Back-off from 250 ms: a handful of attempts in two seconds, where a loop without it makes thousands.
        Assert.InRange(result.ConnectFailures, 1, 10);
        Assert.InRange(Volatile.Read(ref attempts), 1, 10);
    }
}
