using Microsoft.AspNetCore.Authentication.JwtBearer;
using Wearables.Twins.Security;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// Cognito names the app client in <c>aud</c> for ID tokens and in <c>client_id</c> for access tokens (which also say
/// <c>token_use: access</c>); a token from another app client of the same pool is refused.
/// </summary>
internal static class CognitoClientCheck
{
    public static Task Apply(TokenValidatedContext context, IReadOnlyList<string> clientIds)
    {
        var principal = context.Principal!;
        var use = principal.FindFirst("token_use")?.Value;
        var client = use switch
        {
            "access" => principal.FindFirst(TwinsClaimTypes.CognitoClientId)?.Value,
            "id" => principal.FindFirst("aud")?.Value,
            _ => null,
        };
        if (client is null || !clientIds.Contains(client, StringComparer.Ordinal))
        {
            context.Fail($"The token was not issued to an accepted app client (token_use '{use ?? "none"}').");
        }

        return Task.CompletedTask;
    }
}
