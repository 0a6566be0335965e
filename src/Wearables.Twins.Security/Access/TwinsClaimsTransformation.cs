using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Wearables.Twins.Security.Access;

/// <summary>
/// Maps Cognito's way of saying roles, teams and patient ids (<c>cognito:groups</c>, <c>team:&lt;id&gt;</c> groups,
/// <c>custom:patient_id</c>) onto the claims the local issuer writes, so every rule reads one vocabulary.
/// </summary>
public sealed class TwinsClaimsTransformation : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.HasClaim(c => c.Type == MappedMarker))
        {
            return Task.FromResult(principal);
        }

        foreach (var group in identity.FindAll(TwinsClaimTypes.CognitoGroups).Select(c => c.Value).ToArray())
        {
            if (group.StartsWith(TwinsClaimTypes.CognitoTeamGroupPrefix, StringComparison.Ordinal))
            {
                identity.AddClaim(new Claim(TwinsClaimTypes.Teams, group[TwinsClaimTypes.CognitoTeamGroupPrefix.Length..]));
            }
            else if (TwinsRoles.IsKnown(group))
            {
                identity.AddClaim(new Claim(TwinsClaimTypes.Role, group));
            }
        }

        if (identity.FindFirst(TwinsClaimTypes.CognitoPatientId) is { } patient && !identity.HasClaim(c => c.Type == TwinsClaimTypes.PatientId))
        {
            identity.AddClaim(new Claim(TwinsClaimTypes.PatientId, patient.Value));
        }

        identity.AddClaim(new Claim(MappedMarker, "1"));
        return Task.FromResult(principal);
    }

    private const string MappedMarker = "twins:claims_mapped";
}
