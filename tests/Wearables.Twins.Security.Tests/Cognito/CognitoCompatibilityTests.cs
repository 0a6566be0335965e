using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Security.Tests.Cognito;

/// <summary>The API accepts Cognito user-pool tokens (discovered over OIDC) and maps their groups and attributes onto its roles.</summary>
public sealed class CognitoCompatibilityTests(CognitoApiFixture fixture) : IClassFixture<CognitoApiFixture>
{
    private static readonly string[] ClinicianGroups = ["clinician", "team:cardio"];

    [Fact]
    public async Task AccessTokenOfTheAcceptedClientMapsGroupsToRoleAndTeams()
    {
        var token = CognitoTokens.Access(fixture.Pool, "dr-ada", CognitoApiFixture.ClientId, ClinicianGroups);

        using var response = await GetAsync(CognitoApiFixture.MePath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<Caller>();
        Assert.NotNull(caller);
        Assert.Equal("dr-ada", caller.Subject);
        Assert.Equal(TwinsRoles.Clinician, caller.Role);
        Assert.Equal(["cardio"], caller.Teams);
        Assert.Null(caller.PatientId);

        using var clinical = await GetAsync(CognitoApiFixture.ClinicalPath, token);
        Assert.Equal(HttpStatusCode.OK, clinical.StatusCode);
    }

    [Fact]
    public async Task IdTokenWhoseAudienceIsTheAcceptedClientIsAccepted()
    {
        var token = CognitoTokens.Id(fixture.Pool, "dr-ada", CognitoApiFixture.ClientId, ClinicianGroups);

        using var response = await GetAsync(CognitoApiFixture.ClinicalPath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AccessTokenOfAnotherAppClientIsRefused()
        => await AssertUnauthorizedAsync(CognitoTokens.Access(fixture.Pool, "dr-ada", "client-2", ClinicianGroups));

    [Fact]
    public async Task IdTokenForAnotherAppClientIsRefused()
        => await AssertUnauthorizedAsync(CognitoTokens.Id(fixture.Pool, "dr-ada", "client-2", ClinicianGroups));

    [Fact]
    public async Task TokenSignedByAnotherKeyIsRefused()
    {
        using var forgerKey = RSA.Create(2048);
        await AssertUnauthorizedAsync(CognitoTokens.Access(fixture.Pool, "dr-ada", CognitoApiFixture.ClientId, ClinicianGroups, otherKey: forgerKey));
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRefused()
        => await AssertUnauthorizedAsync(CognitoTokens.Access(fixture.Pool, "dr-ada", CognitoApiFixture.ClientId, ClinicianGroups,
            issuer: "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool"));

    [Fact]
    public async Task ExpiredTokenIsRefused()
        => await AssertUnauthorizedAsync(CognitoTokens.Access(fixture.Pool, "dr-ada", CognitoApiFixture.ClientId, ClinicianGroups,
            expiresIn: TimeSpan.FromMinutes(-10)));

    [Fact]
    public async Task RequestWithoutTokenIsRefused()
    {
        using var me = await GetAsync(CognitoApiFixture.MePath, token: null);
        using var clinical = await GetAsync(CognitoApiFixture.ClinicalPath, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, clinical.StatusCode);
        Assert.Equal("Bearer", Assert.Single(me.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task PatientGroupTokenIsForbiddenOnClinicianEndpoints_AndCarriesItsPatientId()
    {
        var token = CognitoTokens.Id(fixture.Pool, "user-7", CognitoApiFixture.ClientId, ["patient"], patientId: "patient-7");

        using var clinical = await GetAsync(CognitoApiFixture.ClinicalPath, token);
        using var me = await GetAsync(CognitoApiFixture.MePath, token);

        Assert.Equal(HttpStatusCode.Forbidden, clinical.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = await me.Content.ReadFromJsonAsync<Caller>();
        Assert.NotNull(caller);
        Assert.Equal(TwinsRoles.Patient, caller.Role);
        Assert.Equal("patient-7", caller.PatientId);
        Assert.Empty(caller.Teams);
    }

    [Fact]
    public async Task PersonInSeveralGroupsActsWithTheStrongestRole()
    {
        var token = CognitoTokens.Access(fixture.Pool, "lead-1", CognitoApiFixture.ClientId, ["patient", "admin", "clinician", "team:renal", "unknown-group"]);

        using var response = await GetAsync(CognitoApiFixture.MePath, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var caller = await response.Content.ReadFromJsonAsync<Caller>();
        Assert.NotNull(caller);
        Assert.Equal(TwinsRoles.Admin, caller.Role);
        Assert.Equal(["renal"], caller.Teams);
    }

    private async Task AssertUnauthorizedAsync(string token)
    {
        using var response = await GetAsync(CognitoApiFixture.MePath, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await fixture.Api.SendAsync(request);
    }
}
