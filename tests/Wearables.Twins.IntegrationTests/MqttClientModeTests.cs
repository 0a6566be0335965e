using System.Buffers;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// Client mode against a real mosquitto with mutual TLS and per-device ACLs (the AWS IoT Core shape): the silo
/// reads a shared subscription, devices can publish only as themselves, and neither a broker restart nor a silo
/// that is down loses what the broker accepted.
/// </summary>
public sealed class MqttClientModeTests(MosquittoFixture mosquitto) : IClassFixture<MosquittoFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private TwinsHostProcess? _host;

    private TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync()
        => _host = await TwinsHostProcess.StartAsync(_data.Path, mosquitto.ClientModeSettings($"g{_run}"));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task TelemetryPublishedToTheExternalBrokerReachesTheTwin()
    {
        var (device, patient) = ($"{_run}-watch", $"{_run}-patient");
        await Host.Http.BindAsync(device, patient);
        using var client = await mosquitto.ConnectDeviceAsync(device);
        var time = DateTimeOffset.UtcNow.AddMinutes(-5);

        var ack = await client.PublishAsync(Message(device, "m1", time));

        Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
        await Eventually.MatchesAsync(() => Host.Http.HeartRateTimesAsync(patient), held => held.Contains(Ticks(time)), Within,
            "the heart rate reaching the twin");
    }

    [Fact]
    public async Task ADeviceCannotPublishAsAnotherDevice()
    {
        using var client = await mosquitto.ConnectDeviceAsync($"{_run}-mallory");
        var victim = $"{_run}-victim";

        var ack = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"wearables/{victim}/telemetry")
            .WithPayload(Envelopes.Json(victim, "forged", Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-1), 190)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
    }

    [Fact]
    public async Task ADeviceReadsWhyItsSamplesWereRejectedOnItsOwnTopic()
    {
        var device = $"{_run}-band";
        using var client = await mosquitto.ConnectDeviceAsync(device);
        var report = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            report.TrySetResult(JsonDocument.Parse(e.ApplicationMessage.Payload.ToArray()).RootElement.Clone());
            return Task.CompletedTask;
        };
        await client.SubscribeAsync($"wearables/{device}/rejects", MqttQualityOfServiceLevel.AtLeastOnce);

        await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic($"wearables/{device}/telemetry")
            .WithPayload(Envelopes.Json(device, "bad-1",
                Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-1), 70), Envelopes.SpO2(DateTimeOffset.UtcNow.AddMinutes(-1), 20)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        var body = await report.Task.WaitAsync(Within);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(body.GetProperty("samples").EnumerateArray(), s => s.GetProperty("status").GetString() == "rejected");
        Assert.Equal("implausible_value", rejected.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheSiloReconnectsAfterTheBrokerRestarts()
    {
        var (device, patient) = ($"{_run}-ring", $"{_run}-patient-ring");
        await Host.Http.BindAsync(device, patient);
        var before = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (var client = await mosquitto.ConnectDeviceAsync(device))
        {
            await client.PublishAsync(Message(device, "before", before));
        }

        await Eventually.MatchesAsync(() => Host.Http.HeartRateTimesAsync(patient), held => held.Contains(Ticks(before)), Within, "the first sample");

        await mosquitto.Broker.RestartAsync();

        var after = before.AddMinutes(1);
        using (var client = await mosquitto.ConnectDeviceAsync(device))
        {
            Assert.Equal(MqttClientPublishReasonCode.Success, (await client.PublishAsync(Message(device, "after", after))).ReasonCode);
        }

        await Eventually.MatchesAsync(() => Host.Http.HeartRateTimesAsync(patient), held => held.Contains(Ticks(after)), Within,
            "the sample published after the broker restart");
    }

    [Fact]
    public async Task WhatTheBrokerAcceptedWhileTheSiloWasDownArrivesWhenItReturns()
    {
        var (device, patient) = ($"{_run}-patch", $"{_run}-patient-patch");
        await Host.Http.BindAsync(device, patient);

        // SIGKILL: the silo's session stays on the broker, which queues what devices send meanwhile.
        await Host.KillAsync();
        await Host.DisposeAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        using (var client = await mosquitto.ConnectDeviceAsync(device))
        {
            for (var i = 0; i < 50; i++)
            {
                var ack = await client.PublishAsync(Message(device, $"offline-{i}", start.AddSeconds(i)));
                Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
            }
        }

        _host = await TwinsHostProcess.StartAsync(_data.Path, mosquitto.ClientModeSettings($"g{_run}"));

        var expected = Enumerable.Range(0, 50).Select(i => Ticks(start.AddSeconds(i))).ToHashSet();
        await Eventually.MatchesAsync(() => Host.Http.HeartRateTimesAsync(patient), held => held.IsSupersetOf(expected), Within,
            "all 50 samples queued while the silo was down");
    }

    private static MqttApplicationMessage Message(string device, string messageId, DateTimeOffset time)
        => new MqttApplicationMessageBuilder()
            .WithTopic($"wearables/{device}/telemetry")
            .WithPayload(Envelopes.Json(device, messageId, Envelopes.HeartRate(time, 64)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

    private static long Ticks(DateTimeOffset time) => new DateTimeOffset(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), time.Offset).UtcTicks;
}
