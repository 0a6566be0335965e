using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests;

/// <summary>
/// The whole path on the real host: a wearable sends tachograms of an atrial-fibrillation episode → the twin's risk
/// engine opens an irregular-rhythm finding → its recommendation goes through the outbox and the topic → the patient
/// gets an email (smtp4dev) and the patient's care team gets an alert in its inbox, which a clinician acknowledges.
/// </summary>
public sealed class RecommendationsEndToEndTests : IAsyncLifetime
{
    private const string Patient = "e2e-af-patient";
    private const string Wearable = "e2e-af-watch";
    private const string Team = "e2e-cardiology";
    private const string Email = "e2e-af-patient@twins.test";
    private static readonly string[] EmailOnly = ["email"];

    private readonly TempDirectory _data = new();
    private TwinsHostProcess? _host;
    private SmtpServer? _smtp;

    public async Task InitializeAsync()
    {
        _smtp = await LocalServers.SmtpAsync();
        _host = await TwinsHostProcess.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["Twins:Notifications:EmailTransport"] = "Smtp",
            ["Twins:Notifications:Smtp:Host"] = _smtp.Smtp.Host,
            ["Twins:Notifications:Smtp:Port"] = _smtp.Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Twins:Notifications:Smtp:Security"] = "None",
            ["Twins:Notifications:Smtp:FromAddress"] = "alerts@twins.test",
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task AnAtrialFibrillationEpisodeEmailsThePatientAndAlertsTheirCareTeam()
    {
        var admin = _host!.Http;
        (await admin.PutAsJsonAsync($"/api/v1/care-teams/{Team}", new { displayName = "Cardiology", escalationChain = Array.Empty<object>() }))
            .EnsureSuccessStatusCode();
        (await admin.PutAsync(new Uri($"/api/v1/care-teams/{Team}/patients/{Patient}", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/v1/patients/{Patient}/contact", new { email = Email, channels = EmailOnly, language = "en" }))
            .EnsureSuccessStatusCode();
        await admin.BindAsync(Wearable, Patient);

        // Six 2-minute windows of AF-like tachograms (RR intervals varying ±20 % around ~700 ms), sent as the watch.
        using var watch = new HttpClient { BaseAddress = _host.BaseAddress };
        watch.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Device(_data.Path, Wearable));
        var random = new Random(20261128);
        var start = DateTimeOffset.UtcNow.AddMinutes(-14);
        var tachograms = Enumerable.Range(0, 6).Select(i => Tachogram(start.AddMinutes(2 * i), random)).ToArray();
        var (status, _, _) = await watch.PostTelemetryAsync(Envelopes.Json(Wearable, "e2e-af-1", tachograms));
        Assert.Equal(HttpStatusCode.Accepted, status);

        // The twin scores the episode on its debounce timer and opens the finding.
        await Eventually.MatchesAsync(
            async () => (await admin.GetJsonAsync($"/api/v1/patients/{Patient}/risk")).Body.ToString(),
            risk => risk.Contains("irregular_rhythm", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "an irregular-rhythm finding on the patient's risk");

        using var inbox = new SmtpInbox(_smtp!);
        var mails = await inbox.WaitForAsync(Email);
        Assert.True(mails.Count == 1, $"expected one email to {Email}, got {mails.Count}; host output:\n{_host.Output}");
        var mail = mails[0];
        Assert.Contains("rhythm", mail.Subject + mail.Text, StringComparison.OrdinalIgnoreCase);

        using var clinician = new HttpClient { BaseAddress = _host.BaseAddress };
        clinician.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Clinician(_data.Path, "dr-e2e", Team));
        var open = await Eventually.MatchesAsync(
            async () => (await clinician.GetJsonAsync($"/api/v1/care-teams/{Team}/alerts?status=open")).Body,
            page => page.TryGetProperty("alerts", out var alerts) && alerts.EnumerateArray().Any(a => a.GetProperty("patientId").GetString() == Patient),
            TimeSpan.FromSeconds(60), "an open alert for the patient in the care team's inbox");
        var alert = open.GetProperty("alerts").EnumerateArray().First(a => a.GetProperty("patientId").GetString() == Patient);
        Assert.Equal("irregular_rhythm", alert.GetProperty("kind").GetString());

        using var acknowledged = await clinician.PostAsync(
            new Uri($"/api/v1/care-teams/{Team}/alerts/{Uri.EscapeDataString(alert.GetProperty("alertId").GetString()!)}/acknowledge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var taken = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dr-e2e", taken.GetProperty("acknowledgedBy").GetString());
    }

    private static EnvelopeSample Tachogram(DateTimeOffset time, Random random)
    {
        var intervals = new List<double>(256);
        var elapsed = 0.0;
        while (elapsed < 115_000 && intervals.Count < 256)
        {
            // Box–Muller normal, as irregularly irregular as AF: no two neighbouring beats alike.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var interval = Math.Round(Math.Clamp(700 * (1 + (0.2 * normal)), 300, 1500));
            intervals.Add(interval);
            elapsed += interval;
        }

        return new EnvelopeSample { Type = "rr_intervals", Time = Envelopes.Time(time), Values = intervals, Unit = "ms" };
    }
}
