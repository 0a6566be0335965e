using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Wearables.Twins.Dashboard.Tests.Infrastructure;
using Wearables.Twins.Testing;
using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Dashboard.Tests;

/// <summary>The live stream and the dashboard's files over plain HTTP, as any client sees them.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CareTeamStreamTests(DashboardFixture fixture) : IDisposable
{
    private readonly TwinsHostProcess _host = fixture.Host;

    // Its own client: streams outlive the requests the admin client makes meanwhile, and need no timeout of their own.
    private readonly HttpClient _streams = new() { BaseAddress = fixture.Host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };

    [Fact]
    public async Task StreamStartsWithASnapshotOfTilesAndInboxThenSendsChangedTiles()
    {
        var scenario = await CareTeamScenario.CreateAsync(_host);
        await scenario.PublishHeartRateAsync(70);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await OpenStreamAsync(scenario.TeamId, scenario.ClinicianToken, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new EventStreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await events.NextAsync(timeout.Token);
        Assert.NotNull(first);
        var (name, snapshot) = first.Value;
        Assert.Equal("snapshot", name);
        Assert.Equal(scenario.TeamId, snapshot.GetProperty("teamId").GetString());
        Assert.Equal(1, snapshot.GetProperty("patients").GetInt32());
        var tile = Assert.Single(snapshot.GetProperty("tiles").EnumerateArray());
        Assert.Equal(scenario.PatientId, tile.GetProperty("patientId").GetString());
        Assert.Equal(70, HeartRate(tile));
        Assert.Equal("none", tile.GetProperty("riskLevel").GetString());
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("alerts").GetProperty("alerts").ValueKind);

        await scenario.PublishHeartRateAsync(88);
        var changed = await events.NextAsync("tile", t => HeartRate(t) == 88, timeout.Token);
        Assert.Equal(scenario.PatientId, changed.GetProperty("patientId").GetString());
    }

    [Fact]
    public async Task StreamIsRefusedToAClinicianOfAnotherTeamAndWithoutAToken()
    {
        var scenario = await CareTeamScenario.CreateAsync(_host);
        var outsider = TestTokens.Clinician(_host.DataDirectory, "outsider", "some-other-team");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var refused = await OpenStreamAsync(scenario.TeamId, outsider, timeout.Token);
        using var anonymous = await OpenStreamAsync(scenario.TeamId, null, timeout.Token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(timeout.Token));
        Assert.Equal("not_your_care_team", problem.RootElement.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task DashboardFilesAreServedWithoutATokenUnderAStrictContentPolicy(string path, string mediaType)
    {
        using var anonymous = new HttpClient { BaseAddress = _host.BaseAddress };

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, path);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await anonymous.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    private static double HeartRate(JsonElement tile)
        => tile.GetProperty("vitals").TryGetProperty("heart_rate", out var heart) ? heart.GetProperty("value").GetDouble() : double.NaN;

    private async Task<HttpResponseMessage> OpenStreamAsync(string teamId, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/care-teams/{teamId}/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = token is null ? null : TestTokens.Bearer(token);
        return await _streams.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public void Dispose() => _streams.Dispose();
}
