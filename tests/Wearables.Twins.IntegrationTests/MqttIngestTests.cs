using System.Net;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

[Collection(HostCollection.Name)]
public sealed class MqttIngestTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task PublishedVitalsAppearInThePatientTwin()
    {
        var (deviceId, patientId) = ($"{_run}-watch", $"{_run}-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        await using var device = await MqttDevice.ConnectAsync(_host.MqttPort, deviceId);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-3));

        var result = await device.PublishAsync(Envelopes.Json(deviceId, "m-1",
            Envelopes.HeartRate(now.AddSeconds(-10), 71), Envelopes.SpO2(now.AddSeconds(-5), 97),
            Envelopes.BloodPressure(now, 121, 79)));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        var (status, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(HttpStatusCode.OK, status);
        var vitals = patient.GetProperty("vitals");
        Assert.Equal(71, vitals.GetProperty("heart_rate").GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal(97, vitals.GetProperty("spo2").GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal(121, vitals.GetProperty("blood_pressure").GetProperty("latest").GetProperty("systolic").GetDouble());
        Assert.Equal(TimeSpan.FromHours(-3), vitals.GetProperty("heart_rate").GetProperty("latest").GetProperty("time").GetDateTimeOffset().Offset);
        Assert.Equal(3, patient.GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task MalformedJsonGetsPayloadFormatInvalidWithAReason()
    {
        var deviceId = $"{_run}-broken";
        await using var device = await MqttDevice.ConnectAsync(_host.MqttPort, deviceId);

        var result = await device.PublishAsync("{\"deviceId\": \"x\", "u8.ToArray());

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, result.ReasonCode);
        Assert.Contains("malformed_json", result.ReasonString, StringComparison.Ordinal);
        Assert.True(device.Client.IsConnected, "A rejected message must not cost the device its connection.");
    }

    [Fact]
    public async Task AnImplausibleSampleIsRejectedAndItsNeighboursKept()
    {
        var (deviceId, patientId) = ($"{_run}-partial", $"{_run}-partial-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        await using var device = await MqttDevice.ConnectAsync(_host.MqttPort, deviceId);
        var now = DateTimeOffset.UtcNow;

        var result = await device.PublishAsync(Envelopes.Json(deviceId, "m-1",
            Envelopes.HeartRate(now.AddSeconds(-2), 400), Envelopes.HeartRate(now.AddSeconds(-1), 64)));

        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
        Assert.Contains("implausible_value", result.ReasonString, StringComparison.Ordinal);
        var held = await _host.Http.HeartRateTimesAsync(patientId);
        Assert.Equal([now.AddSeconds(-1).UtcTicks / TimeSpan.TicksPerMillisecond], held.Select(t => t / TimeSpan.TicksPerMillisecond));
    }

    [Fact]
    public async Task PublishingAsAnotherDeviceIsNotAuthorized()
    {
        await using var device = await MqttDevice.ConnectAsync(_host.MqttPort, $"{_run}-honest");

        var result = await device.PublishAsync(
            Envelopes.Json($"{_run}-victim", "m-1", Envelopes.HeartRate(DateTimeOffset.UtcNow, 60)),
            topic: $"wearables/{_run}-honest/telemetry");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
        var (status, _) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{_run}-victim");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Mqtt311DevicesReadTheirRejectsFromTheRejectsTopic()
    {
        var deviceId = $"{_run}-v311";
        await using var device = await MqttDevice.ConnectAsync(_host.MqttPort, deviceId, MqttProtocolVersion.V311);
        var report = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        device.Client.ApplicationMessageReceivedAsync += e =>
        {
            report.TrySetResult(JsonDocument.Parse(Encoding.UTF8.GetString(e.ApplicationMessage.Payload)).RootElement.Clone());
            return Task.CompletedTask;
        };
        await device.Client.SubscribeAsync($"wearables/{deviceId}/rejects", MqttQualityOfServiceLevel.AtLeastOnce);

        var result = await device.PublishAsync(Envelopes.Json(deviceId, "m-1",
            new Telemetry.Wire.EnvelopeSample { Type = "heart_rate", Time = Envelopes.Time(DateTimeOffset.UtcNow), Value = 70, Unit = "kg" }));

        Assert.True(result.IsSuccess); // MQTT 3.1.1 has no negative PUBACK: the rejects topic says why.
        var body = await report.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("nothing_stored", body.GetProperty("outcome").GetString());
        Assert.Equal("wrong_unit", body.GetProperty("samples")[0].GetProperty("reason").GetString());
    }
}
