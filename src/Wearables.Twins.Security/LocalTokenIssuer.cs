using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Wearables.Twins.Security;

/// <summary>Signs JWTs for the embedded profile with the <see cref="LocalSigningKey"/> (ES256).</summary>
public sealed class LocalTokenIssuer(LocalSigningKey key, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Issue(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(request));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [TwinsClaimTypes.Subject] = request.Subject,
            [TwinsClaimTypes.Role] = request.Role,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (request.Teams.Count > 0)
        {
            claims[TwinsClaimTypes.Teams] = request.Teams.ToArray();
        }

        if (request.PatientId is { Length: > 0 } patient)
        {
            claims[TwinsClaimTypes.PatientId] = patient;
        }

        if (request.Role == TwinsRoles.Device)
        {
            claims[TwinsClaimTypes.DeviceId] = request.Subject;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalIssuer.Issuer,
            Audience = LocalIssuer.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + request.Lifetime,
            Claims = claims,
            SigningCredentials = key.SigningCredentials,
        });
    }
}
