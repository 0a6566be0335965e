using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wearables.Twins.IntegrationTests.Infrastructure;
using Wearables.Twins.Testing;

namespace Wearables.Twins.IntegrationTests.Security;

/// <summary>
/// One host with two patients in two care teams, each with a bound wearable that has sent vitals, and a token per role:
/// the world the authorization matrix is checked against.
/// </summary>
public sealed class AuthorizationFixture : IAsyncLifetime
{
    public const string OwnPatient = "authz-own";
    public const string OtherPatient = "authz-other";
    public const string OwnWearable = "authz-watch-own";
    public const string OtherWearable = "authz-watch-other";
    public const string OwnTeam = "authz-team-a";
    public const string OtherTeam = "authz-team-b";

    /// <summary>A value only the other patient's vitals contain, to prove a refusal leaks none of their data (with a decimal point, which no hex trace id in a problem body has).</summary>
    public const double OtherPatientMarkerBpm = 173.5;

    private readonly TempDirectory _data = new();
    private TwinsHostProcess? _host;

    public TwinsHostProcess Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public async Task InitializeAsync()
    {
        _host = await TwinsHostProcess.StartAsync(_data.Path);
        var admin = _host.Http;
        foreach (var (team, patient, wearable, bpm) in new[]
        {
            (OwnTeam, OwnPatient, OwnWearable, 61.0),
            (OtherTeam, OtherPatient, OtherWearable, OtherPatientMarkerBpm),
        })
        {
            using (var put = await admin.PutAsJsonAsync($"/api/v1/care-teams/{team}", new { displayName = team, escalationChain = Array.Empty<object>() }))
            {
                put.EnsureSuccessStatusCode();
            }

            using (var add = await admin.PutAsync(new Uri($"/api/v1/care-teams/{team}/patients/{patient}", UriKind.Relative), null))
            {
                add.EnsureSuccessStatusCode();
            }

            await admin.BindAsync(wearable, patient);
            var (status, _, _) = await admin.PostTelemetryAsync(Envelopes.Json(wearable, "authz-" + wearable,
                Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-5), bpm)));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        }
    }

    /// <summary>A client holding the role's token (none for <see cref="Role.Anonymous"/>).</summary>
    public HttpClient ClientFor(Role role)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = role switch
        {
            Role.Anonymous => null,
            Role.Patient => TestTokens.Patient(_data.Path, OwnPatient),
            Role.Clinician => TestTokens.Clinician(_data.Path, "dr-authz", OwnTeam),
            Role.Admin => TestTokens.Admin(_data.Path),
            Role.Device => TestTokens.Device(_data.Path, OwnWearable),
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _data.Dispose();
    }
}

public enum Role
{
    Anonymous,
    Patient,
    Clinician,
    Admin,
    Device,
}
