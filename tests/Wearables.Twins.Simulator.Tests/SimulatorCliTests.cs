using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Wearables.Twins.Simulator.Cli;

namespace Wearables.Twins.Simulator.Tests;

public sealed class SimulatorCliTests
{
    [Fact]
    public void Defaults_match_the_documented_ones()
    {
        var options = SimulatorCli.TryParse([], out var errors);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal(10, options.Devices);
        Assert.Equal("127.0.0.1", options.BrokerHost);
        Assert.Equal(1883, options.BrokerPort);
        Assert.Equal(new Uri("http://localhost:5080"), options.Api);
        Assert.True(options.Bind);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Duration);
        Assert.Equal(1, options.Speed);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, options.Qos);
        Assert.Equal("sim-watch-", options.DevicePrefix);
        Assert.Equal("patient-", options.PatientPrefix);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Batch);
        Assert.Equal(MqttProtocolVersion.V500, options.ProtocolVersion);
        Assert.Null(options.Seed);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = SimulatorCli.TryParse(
        [
            "--devices", "250", "--broker-host", "broker.local", "--broker-port", "2883", "--api", "http://api:8080",
            "--no-bind", "--duration", "0", "--speed", "3600", "--qos", "0", "--device-prefix", "band-",
            "--patient-prefix", "p-", "--batch-seconds", "60", "--mqtt-version", "311", "--seed", "42",
        ], out var errors);

        Assert.Empty(errors);
        Assert.NotNull(options);
        Assert.Equal(250, options.Devices);
        Assert.Equal(("broker.local", 2883), (options.BrokerHost, options.BrokerPort));
        Assert.Equal(new Uri("http://api:8080"), options.Api);
        Assert.False(options.Bind);
        Assert.Equal(TimeSpan.Zero, options.Duration);
        Assert.Equal(3600, options.Speed);
        Assert.Equal(MqttQualityOfServiceLevel.AtMostOnce, options.Qos);
        Assert.Equal(("band-", "p-"), (options.DevicePrefix, options.PatientPrefix));
        Assert.Equal(TimeSpan.FromMinutes(1), options.Batch);
        Assert.Equal(MqttProtocolVersion.V311, options.ProtocolVersion);
        Assert.Equal(42, options.Seed);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("5min", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1500ms", 1.5)]
    [InlineData("45", 45)]
    [InlineData("00:01:30", 90)]
    [InlineData("0", 0)]
    public void Durations_read_as_people_type_them(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("--qos", "2")]
    [InlineData("--mqtt-version", "4")]
    [InlineData("--devices", "0")]
    [InlineData("--speed", "0")]
    [InlineData("--duration", "soon")]
    [InlineData("--api", "localhost")]
    [InlineData("--device-prefix", "bad/prefix")]
    [InlineData("--batch-seconds", "0")]
    public void Bad_values_are_refused_with_a_message(string option, string value)
    {
        var options = SimulatorCli.TryParse([option, value], out var errors);

        Assert.Null(options);
        Assert.NotEmpty(errors);
    }
}
