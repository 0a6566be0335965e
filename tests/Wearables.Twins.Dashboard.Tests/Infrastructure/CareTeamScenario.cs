using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wearables.Twins.Testing;
using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Dashboard.Tests.Infrastructure;

/// <summary>
/// A care team of its own for one test, set up through the API as an administrator would: the team (with the
/// clinician as its member), one patient it follows, and a wearable bound to that patient that publishes over HTTP.
/// </summary>
internal sealed class CareTeamScenario
{
    /// <summary>Below 85 % in every reading for more than five minutes: the hypoxaemia detector's "high".</summary>
    public const double LowOxygen = 83;

    /// <summary>When the low readings were taken, in minutes before now: a run of twelve minutes, the latest just now.</summary>
    private static readonly int[] LowOxygenMinutesAgo = [12, 9, 6, 3, 1];

    private readonly TwinsHostProcess _host;

    private CareTeamScenario(TwinsHostProcess host, string run)
    {
        _host = host;
        TeamId = $"ward-{run}";
        PatientId = $"patient-{run}";
        DeviceId = $"band-{run}";
        ClinicianId = $"nurse-{run}";
        ClinicianToken = TestTokens.Clinician(host.DataDirectory, ClinicianId, TeamId);
        DeviceToken = TestTokens.Device(host.DataDirectory, DeviceId);
    }

    public string TeamId { get; }

    public string PatientId { get; }

    public string DeviceId { get; }

    public string ClinicianId { get; }

    public string ClinicianToken { get; }

    public string DeviceToken { get; }

    public static async Task<CareTeamScenario> CreateAsync(TwinsHostProcess host)
    {
        var scenario = new CareTeamScenario(host, Guid.NewGuid().ToString("N")[..8]);
        var team = new JsonObject
        {
            ["displayName"] = $"Ward {scenario.TeamId}",
            ["escalationChain"] = new JsonArray(new JsonObject { ["id"] = scenario.ClinicianId, ["name"] = "Ana Nurse" }),
        };
        using (var created = await host.Http.PutAsJsonAsync($"/api/v1/care-teams/{scenario.TeamId}", team))
        {
            await ExpectAsync(created, HttpStatusCode.OK);
        }

        using (var added = await host.Http.PutAsync(new Uri($"/api/v1/care-teams/{scenario.TeamId}/patients/{scenario.PatientId}", UriKind.Relative), null))
        {
            await ExpectAsync(added, HttpStatusCode.NoContent);
        }

        using (var bound = await host.Http.PutAsJsonAsync($"/api/v1/wearables/{scenario.DeviceId}/patient", new JsonObject { ["patientId"] = scenario.PatientId }))
        {
            await ExpectAsync(bound, HttpStatusCode.OK);
        }

        return scenario;
    }

    /// <summary>Publishes one envelope as the wearable (its own device token) and checks every sample was accepted.</summary>
    public async Task PublishAsync(params (string Type, DateTimeOffset Time, double Value)[] samples)
    {
        var envelope = new JsonObject
        {
            ["schema"] = "wearables.telemetry/v1",
            ["deviceId"] = DeviceId,
            ["messageId"] = Guid.NewGuid().ToString("N"),
            ["device"] = new JsonObject { ["vendor"] = "Acme", ["model"] = "Band 3", ["battery"] = 80 },
            ["samples"] = new JsonArray([.. samples.Select(s => (JsonNode)new JsonObject
            {
                ["type"] = s.Type,
                ["time"] = s.Time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                ["value"] = s.Value,
                ["unit"] = s.Type == "spo2" ? "%" : "/min",
            })]),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/telemetry") { Content = JsonContent.Create(envelope) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DeviceToken);
        using var response = await _host.Http.SendAsync(request);
        var report = await ExpectAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(samples.Length, report.GetProperty("accepted").GetInt32());
    }

    public Task PublishHeartRateAsync(double bpm) => PublishAsync(("heart_rate", DateTimeOffset.UtcNow.AddSeconds(-1), bpm));

    /// <summary>
    /// SpO2 of <see cref="LowOxygen"/> % over the last twelve minutes, as a watch that caught up after being out of
    /// range would send it: real risk scoring opens a high hypoxaemia finding, which becomes the team's alert.
    /// </summary>
    public Task PublishLowOxygenAsync()
    {
        var now = DateTimeOffset.UtcNow;
        return PublishAsync([.. LowOxygenMinutesAgo.Select(minutes => ("spo2", now.AddMinutes(-minutes), LowOxygen))]);
    }

    /// <summary>
    /// The clinician records that the patient is alert (NEWS2 consciousness, "A"): the twin re-scores at once, in the
    /// request, and publishes what the evaluation found.
    /// </summary>
    public async Task RecordPatientIsAlertAsync()
    {
        var body = new JsonObject
        {
            ["observations"] = new JsonArray(new JsonObject
            {
                ["parameter"] = "consciousness",
                ["value"] = 0,
                ["time"] = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/patients/{PatientId}/observations") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ClinicianToken);
        using var response = await _host.Http.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The team's alerts with <paramref name="status"/> for this scenario's patient, read as the administrator.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(string status)
    {
        using var response = await _host.Http.GetAsync(new Uri($"/api/v1/care-teams/{TeamId}/alerts?status={status}", UriKind.Relative));
        var page = await ExpectAsync(response, HttpStatusCode.OK);
        return [.. page.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("patientId").GetString() == PatientId)];
    }

    /// <summary>Waits until risk scoring, the recommendations topic and the care-team alert worker have put an open alert in the inbox.</summary>
    public async Task<JsonElement> WaitForOpenAlertAsync()
    {
        var open = await Eventually.MatchesAsync(() => AlertsAsync("open"), alerts => alerts.Count > 0, TimeSpan.FromSeconds(60),
            $"An open alert for {PatientId} in the inbox of {TeamId}");
        return open[0];
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }
}
