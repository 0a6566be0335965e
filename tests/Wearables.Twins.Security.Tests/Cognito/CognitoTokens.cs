using System.Security.Cryptography;

namespace Wearables.Twins.Security.Tests.Cognito;

/// <summary>Tokens shaped like the ones a Cognito user pool issues: access tokens name the app client in <c>client_id</c>, ID tokens in <c>aud</c>.</summary>
public static class CognitoTokens
{
    public static string Access(LocalOidcIssuer pool, string subject, string clientId, string[] groups,
        TimeSpan? expiresIn = null, string? issuer = null, RSA? otherKey = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject,
            ["cognito:groups"] = groups,
            ["token_use"] = "access",
            ["client_id"] = clientId,
            ["scope"] = "aws.cognito.signin.user.admin",
            ["auth_time"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["event_id"] = Guid.NewGuid().ToString(),
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["username"] = subject,
        };
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return pool.Sign(claims, expires.AddHours(-1), expires, issuer, otherKey);
    }

    public static string Id(LocalOidcIssuer pool, string subject, string audience, string[] groups, string? patientId = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject,
            ["aud"] = audience,
            ["cognito:groups"] = groups,
            ["token_use"] = "id",
            ["cognito:username"] = subject,
            ["email"] = subject + "@example.org",
            ["email_verified"] = true,
            ["auth_time"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["event_id"] = Guid.NewGuid().ToString(),
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (patientId is not null)
        {
            claims["custom:patient_id"] = patientId;
        }

        return pool.Sign(claims, now.AddMinutes(-1), now.AddHours(1));
    }
}
