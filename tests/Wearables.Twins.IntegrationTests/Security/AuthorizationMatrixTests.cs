using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wearables.Twins.IntegrationTests.Infrastructure;

namespace Wearables.Twins.IntegrationTests.Security;

/// <summary>
/// Every endpoint × every role × own/other patient against the real host: unauthenticated → 401, not allowed → 403,
/// and a refusal never carries a byte of the other patient's data.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AuthorizationCollection : ICollectionFixture<AuthorizationFixture>
{
    public const string Name = "authorization";
}

[Collection(AuthorizationCollection.Name)]
public sealed class AuthorizationMatrixTests(AuthorizationFixture world)
{
    public enum Whose
    {
        Own,
        Other,
    }

    private static readonly string[] PatientEndpoints =
    [
        "GET /api/v1/patients/{patient}",
        "GET /api/v1/patients/{patient}/vitals?type=heart_rate",
        "GET /api/v1/patients/{patient}/risk",
        "GET /api/v1/patients/{patient}/imports",
        "GET /api/v1/patients/{patient}/campaign-engagement",
        "GET /api/v1/wearables/{wearable}",
        "GET /fhir/Patient/{patient}",
        "GET /fhir/Observation?patient={patient}",
    ];

    /// <summary>Clinical entries about a patient: their care team's clinicians and admins, not the patient.</summary>
    private static readonly string[] ClinicalEndpoints =
    [
        "PUT /api/v1/patients/{patient}/observations",
    ];

    private static readonly string[] TeamEndpoints =
    [
        "GET /api/v1/care-teams/{team}",
        "GET /api/v1/care-teams/{team}/patients",
        "GET /api/v1/care-teams/{team}/alerts",
    ];

    private static readonly string[] AdminEndpoints =
    [
        "POST /api/v1/analytics/sql",
        "GET /api/v1/audit",
        "GET /api/v1/campaigns",
        "PUT /api/v1/care-teams/{team}",
        "GET /api/v1/devices/{wearable}/certificates",
        "POST /api/v1/devices/{wearable}/certificates",
        "POST /api/v1/devices/{wearable}/certificates/revoke",
    ];

    public static TheoryData<string, Role, Whose> PatientCases() => Cases(PatientEndpoints);

    public static TheoryData<string, Role, Whose> TeamCases() => Cases(TeamEndpoints);

    public static TheoryData<string, Role, Whose> ClinicalCases() => Cases(ClinicalEndpoints);

    public static TheoryData<string, Role> AdminCases()
    {
        var data = new TheoryData<string, Role>();
        foreach (var endpoint in AdminEndpoints)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(endpoint, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PatientCases))]
    public async Task PatientDataIsSeenOnlyByThePatientTheirCareTeamAndAdmins(string endpoint, Role role, Whose whose)
    {
        var allowed = role switch
        {
            Role.Admin => true,
            Role.Patient or Role.Clinician => whose == Whose.Own,
            _ => false,
        };
        await AssertAsync(endpoint, role, whose, allowed);
    }

    [Theory]
    [MemberData(nameof(ClinicalCases))]
    public async Task ClinicalEntriesAreMadeOnlyByThePatientsCliniciansAndAdmins(string endpoint, Role role, Whose whose)
        => await AssertAsync(endpoint, role, whose, role == Role.Admin || (role == Role.Clinician && whose == Whose.Own));

    [Theory]
    [MemberData(nameof(TeamCases))]
    public async Task ACareTeamIsSeenOnlyByItsMembersAndAdmins(string endpoint, Role role, Whose whose)
        => await AssertAsync(endpoint, role, whose, role == Role.Admin || (role == Role.Clinician && whose == Whose.Own));

    [Theory]
    [MemberData(nameof(AdminCases))]
    public async Task AdminEndpointsAnswerOnlyAdmins(string endpoint, Role role)
        => await AssertAsync(endpoint, role, Whose.Other, role == Role.Admin);

    [Fact]
    public async Task ADeviceTokenPublishesOnlyAsItsOwnDevice()
    {
        using var device = world.ClientFor(Role.Device);
        var (own, _, _) = await device.PostTelemetryAsync(Envelopes.Json(AuthorizationFixture.OwnWearable, "authz-device-own",
            Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-1), 64)));
        var (other, body, _) = await device.PostTelemetryAsync(Envelopes.Json(AuthorizationFixture.OtherWearable, "authz-device-other",
            Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-1), 64)));

        Assert.Equal(HttpStatusCode.Accepted, own);
        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal("device_mismatch", body.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(Role.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Role.Patient, HttpStatusCode.Forbidden)]
    [InlineData(Role.Clinician, HttpStatusCode.Forbidden)]
    public async Task OnlyDevicesAndAdminsPublishTelemetry(Role role, HttpStatusCode expected)
    {
        using var client = world.ClientFor(role);
        var (status, _, _) = await client.PostTelemetryAsync(Envelopes.Json(AuthorizationFixture.OwnWearable, "authz-person-" + role,
            Envelopes.HeartRate(DateTimeOffset.UtcNow.AddMinutes(-1), 64)));
        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task EveryReadOfPatientDataIsInTheAuditLogWithWhoAndWhat()
    {
        using var patient = world.ClientFor(Role.Patient);
        using (var read = await patient.GetAsync(new Uri($"/api/v1/patients/{AuthorizationFixture.OwnPatient}/risk", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var refused = await patient.GetAsync(new Uri($"/api/v1/patients/{AuthorizationFixture.OtherPatient}/risk", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var admin = world.ClientFor(Role.Admin);
        var own = await AuditAsync(admin, AuthorizationFixture.OwnPatient);
        var other = await AuditAsync(admin, AuthorizationFixture.OtherPatient);

        Assert.Contains(own, e => e.Subject == "user-" + AuthorizationFixture.OwnPatient && e.Role == "patient"
            && e.Action == "GET /api/v1/patients/{id}/risk" && e.Status == 200 && e.RemoteAddress == "127.0.0.1");
        Assert.Contains(other, e => e.Subject == "user-" + AuthorizationFixture.OwnPatient && e.Status == 403 && e.Reason == "not_your_record");
    }

    private static async Task<List<AuditRow>> AuditAsync(HttpClient admin, string patientId)
        => (await admin.GetFromJsonAsync<List<AuditRow>>(new Uri($"/api/v1/audit?patientId={patientId}&limit=500", UriKind.Relative)))!;

    private static TheoryData<string, Role, Whose> Cases(string[] endpoints)
    {
        var data = new TheoryData<string, Role, Whose>();
        foreach (var endpoint in endpoints)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(endpoint, role, Whose.Own);
                data.Add(endpoint, role, Whose.Other);
            }
        }

        return data;
    }

    private async Task AssertAsync(string endpoint, Role role, Whose whose, bool allowed)
    {
        using var client = world.ClientFor(role);
        var (method, path) = Resolve(endpoint, whose);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = BodyFor(endpoint) };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        if (role == Role.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (allowed)
        {
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{role} should be allowed {method} {path}; got {(int)response.StatusCode}: {body}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} should be refused {method} {path}; got {(int)response.StatusCode}: {body}");
        }

        if (!allowed)
        {
            Assert.DoesNotContain(AuthorizationFixture.OtherWearable, body, StringComparison.Ordinal);
            Assert.DoesNotContain(AuthorizationFixture.OtherPatientMarkerBpm.ToString(CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        }
    }

    private static (string Method, string Path) Resolve(string endpoint, Whose whose)
    {
        var own = whose == Whose.Own;
        var parts = endpoint.Split(' ', 2);
        var path = parts[1]
            .Replace("{patient}", own ? AuthorizationFixture.OwnPatient : AuthorizationFixture.OtherPatient, StringComparison.Ordinal)
            .Replace("{wearable}", own ? AuthorizationFixture.OwnWearable : AuthorizationFixture.OtherWearable, StringComparison.Ordinal)
            .Replace("{team}", own ? AuthorizationFixture.OwnTeam : AuthorizationFixture.OtherTeam, StringComparison.Ordinal);
        return (parts[0], path);
    }

    private static StringContent? BodyFor(string endpoint) => endpoint switch
    {
        "PUT /api/v1/patients/{patient}/observations" => Json(new { observations = Array.Empty<object>() }),
        "POST /api/v1/analytics/sql" => Json(new { sql = "SELECT count(*) AS n FROM vitals" }),
        "PUT /api/v1/care-teams/{team}" => Json(new { displayName = "renamed", escalationChain = Array.Empty<object>() }),
        _ => null,
    };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private sealed record AuditRow(DateTimeOffset At, string Subject, string? Role, string Action, string? PatientId, string? Target, int Status,
        string? RemoteAddress, string? Reason);
}
