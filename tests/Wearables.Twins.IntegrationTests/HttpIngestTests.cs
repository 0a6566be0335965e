using System.Net;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.IntegrationTests;

[Collection(HostCollection.Name)]
public sealed class HttpIngestTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AcceptedEnvelopeGets202WithAPerSampleReport()
    {
        var (deviceId, patientId) = ($"{_run}-phone", $"{_run}-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        var now = DateTimeOffset.UtcNow;

        var (status, report, _) = await _host.Http.PostTelemetryAsync(Envelopes.Json(deviceId, "m-1",
            Envelopes.HeartRate(now.AddSeconds(-1), 66),
            new EnvelopeSample { Type = "blood_sugar", Time = Envelopes.Time(now), Value = 5 }));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("stored", report.GetProperty("outcome").GetString());
        Assert.Equal(1, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("rejected").GetInt32());
        var samples = report.GetProperty("samples");
        Assert.Equal("accepted", samples[0].GetProperty("status").GetString());
        Assert.Equal("rejected", samples[1].GetProperty("status").GetString());
        Assert.Equal("unknown_type", samples[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task MalformedEnvelopeIsProblemJson()
    {
        var (status, problem, contentType) = await _host.Http.PostTelemetryAsync("[1,2"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("malformed_json", problem.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task TooManySamplesIsRefusedWhole()
    {
        var now = DateTimeOffset.UtcNow;
        var samples = Enumerable.Range(0, 1001).Select(i => Envelopes.HeartRate(now.AddSeconds(-i), 60)).ToArray();

        var (status, problem, _) = await _host.Http.PostTelemetryAsync(Envelopes.Json($"{_run}-flood", "m-1", samples));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("too_many_samples", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RedeliveredMessageChangesNothing()
    {
        var (deviceId, patientId) = ($"{_run}-again", $"{_run}-again-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        var now = DateTimeOffset.UtcNow;
        var envelope = Envelopes.Json(deviceId, "m-1", Envelopes.HeartRate(now.AddSeconds(-2), 70), Envelopes.HeartRate(now.AddSeconds(-1), 72));

        await _host.Http.PostTelemetryAsync(envelope);
        var (status, second, _) = await _host.Http.PostTelemetryAsync(envelope);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        var (_, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(2, patient.GetProperty("samples").GetInt64());
        var (_, wearable) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{deviceId}");
        Assert.Equal(1, wearable.GetProperty("messages").GetInt64());
        Assert.Equal(2, wearable.GetProperty("samples").GetInt64());
    }

    [Fact]
    public async Task SamplesFromAnUnboundWearableReachThePatientWhenBound()
    {
        var (deviceId, patientId) = ($"{_run}-new-band", $"{_run}-late-patient");
        var now = DateTimeOffset.UtcNow;
        await _host.Http.PostTelemetryAsync(Envelopes.Json(deviceId, "m-1", Envelopes.HeartRate(now.AddSeconds(-3), 80), Envelopes.SpO2(now, 95)));

        var (wearableStatus, wearable) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{deviceId}");
        Assert.Equal(HttpStatusCode.OK, wearableStatus);
        Assert.Equal(2, wearable.GetProperty("pendingSamples").GetInt32());
        Assert.Equal("Acme", wearable.GetProperty("vendor").GetString());
        Assert.Equal(81, wearable.GetProperty("batteryPercent").GetDouble());
        var (before, _) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(HttpStatusCode.NotFound, before);

        await _host.Http.BindAsync(deviceId, patientId);

        var (_, patient) = await _host.Http.GetJsonAsync($"/api/v1/patients/{patientId}");
        Assert.Equal(2, patient.GetProperty("samples").GetInt64());
        var (_, bound) = await _host.Http.GetJsonAsync($"/api/v1/wearables/{deviceId}");
        Assert.Equal(0, bound.GetProperty("pendingSamples").GetInt32());
        Assert.Equal(patientId, bound.GetProperty("patientId").GetString());
    }
}
