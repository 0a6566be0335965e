using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Wearables.Twins.Security.Tests;

public sealed class LocalTokenIssuerTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly LocalSigningKey _key;

    public LocalTokenIssuerTests() => _key = LocalSigningKey.Load(LocalIssuer.KeyPath(_data.Root), create: true);

    public void Dispose()
    {
        _key.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task ClinicianTokenValidatesAgainstTheKeyAndCarriesRoleAndTeams()
    {
        var token = new LocalTokenIssuer(_key, TimeProvider.System)
            .Issue(new TokenRequest("dr-1", TwinsRoles.Clinician, ["cardio", "renal"], null, TimeSpan.FromHours(1)));

        var result = await ValidateAsync(token, _key.SecurityKey);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, jwt.Alg);
        Assert.Equal(_key.KeyId, jwt.Kid);
        Assert.Equal("dr-1", Value(result, TwinsClaimTypes.Subject));
        Assert.Equal(TwinsRoles.Clinician, Value(result, TwinsClaimTypes.Role));
        Assert.Equal(["cardio", "renal"], result.ClaimsIdentity.FindAll(TwinsClaimTypes.Teams).Select(c => c.Value));
        Assert.Null(result.ClaimsIdentity.FindFirst(TwinsClaimTypes.PatientId));
        Assert.Null(result.ClaimsIdentity.FindFirst(TwinsClaimTypes.DeviceId));
    }

    [Fact]
    public async Task PatientTokenCarriesThePatientId()
    {
        var token = new LocalTokenIssuer(_key, TimeProvider.System)
            .Issue(new TokenRequest("user-p1", TwinsRoles.Patient, [], "p1", TimeSpan.FromHours(1)));

        var result = await ValidateAsync(token, _key.SecurityKey);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(TwinsRoles.Patient, Value(result, TwinsClaimTypes.Role));
        Assert.Equal("p1", Value(result, TwinsClaimTypes.PatientId));
        Assert.Null(result.ClaimsIdentity.FindFirst(TwinsClaimTypes.Teams));
    }

    [Fact]
    public async Task DeviceTokenNamesTheDeviceAsItsSubject()
    {
        var token = new LocalTokenIssuer(_key, TimeProvider.System)
            .Issue(new TokenRequest("watch-7", TwinsRoles.Device, [], null, TimeSpan.FromMinutes(5)));

        var result = await ValidateAsync(token, _key.SecurityKey);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(TwinsRoles.Device, Value(result, TwinsClaimTypes.Role));
        Assert.Equal("watch-7", Value(result, TwinsClaimTypes.DeviceId));
    }

    [Fact]
    public async Task LifetimeIsTakenFromTheClock_AndAnExpiredTokenFails()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var token = new LocalTokenIssuer(_key, clock)
            .Issue(new TokenRequest("admin-1", TwinsRoles.Admin, [], null, TimeSpan.FromHours(1)));

        var jwt = new JsonWebToken(token);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddHours(1), jwt.ValidTo, TimeSpan.FromSeconds(1));

        var result = await ValidateAsync(token, _key.SecurityKey);

        Assert.False(result.IsValid);
        Assert.IsType<SecurityTokenExpiredException>(result.Exception);
    }

    [Fact]
    public async Task TokenFromAnotherDataDirectorysKeyFails()
    {
        using var otherData = new TempDirectory();
        using var otherKey = LocalSigningKey.Load(LocalIssuer.KeyPath(otherData.Root), create: true);
        var token = new LocalTokenIssuer(otherKey, TimeProvider.System)
            .Issue(new TokenRequest("admin-1", TwinsRoles.Admin, [], null, TimeSpan.FromHours(1)));

        var result = await ValidateAsync(token, _key.SecurityKey);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void AnInvalidRequestIsRefusedWithItsProblems()
    {
        var issuer = new LocalTokenIssuer(_key, TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(
            () => issuer.Issue(new TokenRequest("user-p1", TwinsRoles.Patient, [], null, TimeSpan.FromHours(1))));

        Assert.Contains("a patient token needs the patient id it belongs to.", error.Message, StringComparison.Ordinal);
    }

    private static Task<TokenValidationResult> ValidateAsync(string token, SecurityKey key)
        => new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = LocalIssuer.Issuer,
            ValidAudience = LocalIssuer.Audience,
            IssuerSigningKey = key,
            ClockSkew = TimeSpan.Zero,
        });

    private static string? Value(TokenValidationResult result, string type)
        => result.ClaimsIdentity.FindFirst(type)?.Value;
}
