using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Tests.Hosting;

namespace Wearables.Twins.Security.Tests.Cognito;

/// <summary>A Cognito-like pool and an API configured to trust it (app client <see cref="ClientId"/> only), both over real HTTP.</summary>
public sealed class CognitoApiFixture : IAsyncLifetime
{
    public const string ClientId = "client-1";
    public const string MePath = "/api/v1/me";
    public const string ClinicalPath = "/api/v1/clinical";

    private LocalOidcIssuer? _pool;
    private TestWebApp? _api;

    public LocalOidcIssuer Pool => _pool ?? throw new InvalidOperationException("Not started.");

    public HttpClient Api => _api?.Client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _pool = await LocalOidcIssuer.StartAsync();
        _api = await TestWebApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Twins:Auth:Provider"] = "cognito",
                ["Twins:Auth:Cognito:Authority"] = _pool.Authority,
                ["Twins:Auth:Cognito:AllowHttpAuthority"] = "true",
                ["Twins:Auth:Cognito:ClientIds:0"] = ClientId,
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet(MePath, (ClaimsPrincipal user) => Caller.From(user));
                app.MapGet(ClinicalPath, () => TypedResults.Ok("clinical")).RequireAuthorization(TwinsPolicies.Clinician);
            });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }
    }
}
