using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Wearables.Twins.Security.Tests.Cognito;

/// <summary>
/// A small but real OpenID Connect issuer laid out like a Cognito user pool: Kestrel on a free loopback port serves
/// <c>{pool}/.well-known/openid-configuration</c> and the pool's JWKS (one RSA key), and <see cref="Sign"/> makes RS256 tokens with it.
/// The API under test discovers the key over HTTP exactly as it does against Cognito.
/// </summary>
public sealed class LocalOidcIssuer : IAsyncDisposable
{
    public const string PoolId = "eu-west-1_TestPool1";
    public const string KeyId = "pool-signing-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    private LocalOidcIssuer(WebApplication app, RSA key, string authority)
    {
        _app = app;
        _key = key;
        Authority = authority;
    }

    /// <summary>The pool's issuer URL: what tokens carry in <c>iss</c> and what the API is configured with.</summary>
    public string Authority { get; }

    public static async Task<LocalOidcIssuer> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        // The handlers need the authority, which is known only once Kestrel has bound its port.
        string? authority = null;
        app.MapGet($"/{PoolId}/.well-known/openid-configuration", () => Json(new JsonObject
        {
            ["issuer"] = authority,
            ["jwks_uri"] = $"{authority}/.well-known/jwks.json",
            ["authorization_endpoint"] = $"{authority}/oauth2/authorize",
            ["token_endpoint"] = $"{authority}/oauth2/token",
            ["response_types_supported"] = new JsonArray("code", "token"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet($"/{PoolId}/.well-known/jwks.json", () =>
        {
            var publicKey = key.ExportParameters(includePrivateParameters: false);
            return Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["kid"] = KeyId,
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
                }),
            });
        });
        await app.StartAsync();
        authority = app.Urls.Single().TrimEnd('/') + "/" + PoolId;
        return new LocalOidcIssuer(app, key, authority);
    }

    /// <summary>
    /// Signs <paramref name="claims"/> (plus <c>iss</c>, <c>iat</c>, <c>exp</c>) with RS256 under <see cref="KeyId"/>; with
    /// <paramref name="otherKey"/>, signs with that key instead while still naming <see cref="KeyId"/>, as a forger would.
    /// </summary>
    public string Sign(IDictionary<string, object> claims, DateTimeOffset issuedAt, DateTimeOffset expires, string? issuer = null, RSA? otherKey = null)
        => _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(otherKey ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
