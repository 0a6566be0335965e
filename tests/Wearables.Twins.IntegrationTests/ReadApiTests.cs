using System.Net;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests;

[Collection(HostCollection.Name)]
public sealed class ReadApiTests(HostFixture fixture)
{
    private readonly TwinsHostProcess _host = fixture.Host;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("/api/v1/patients/nobody-{0}")]
    [InlineData("/api/v1/wearables/nothing-{0}")]
    [InlineData("/api/v1/patients/nobody-{0}/vitals?type=heart_rate")]
    public async Task UnknownIdsAre404ProblemJson(string path)
    {
        using var response = await _host.Http.GetAsync(new Uri(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, _run), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task VitalsQueryReturnsTheRequestedRangeOldestFirst()
    {
        var (deviceId, patientId) = ($"{_run}-range", $"{_run}-range-patient");
        await _host.Http.BindAsync(deviceId, patientId);
        var start = new DateTimeOffset(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);
        var samples = Enumerable.Range(0, 10).Reverse().Select(i => Envelopes.HeartRate(start.AddMinutes(i), 60 + i)).ToArray();
        await _host.Http.PostTelemetryAsync(Envelopes.Json(deviceId, "m-1", samples));

        var (status, body) = await _host.Http.GetJsonAsync(
            $"/api/v1/patients/{patientId}/vitals?type=heart_rate&from=2026-01-10T08:02:00Z&to=2026-01-10T05:05:00-03:00");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([62.0, 63.0, 64.0], body.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("value").GetDouble()));
        Assert.Equal("/min", body.GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("type=glucose")]
    [InlineData("type=heart_rate&from=yesterday")]
    [InlineData("type=heart_rate&from=2026-01-10T08:00:00")]
    [InlineData("type=heart_rate&from=2026-01-10T09:00:00Z&to=2026-01-10T08:00:00Z")]
    public async Task BadVitalsQueriesAre400ProblemJson(string query)
    {
        using var response = await _host.Http.GetAsync(new Uri($"/api/v1/patients/p-{_run}/vitals?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HealthAndOpenApiAreServed()
    {
        var (live, _) = await _host.Http.GetJsonAsync("/health/live");
        var (ready, _) = await _host.Http.GetJsonAsync("/health/ready");
        var openApi = await _host.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.Contains("/api/v1/telemetry", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/v1/patients/{id}/vitals", openApi, StringComparison.Ordinal);
    }
}
