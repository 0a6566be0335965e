using System.Security.Claims;

namespace Wearables.Twins.Security.Access;

/// <summary>The authenticated caller as the API's rules see it, whichever issuer signed the token.</summary>
/// <param name="Subject">Stable id of the person or device.</param>
/// <param name="Role">One of <see cref="TwinsRoles"/>; null when the token names none the API knows.</param>
/// <param name="Teams">Care teams the token asserts (clinicians); the team grains' member lists count too.</param>
/// <param name="PatientId">The patient a patient-role caller is.</param>
/// <param name="DeviceId">The device a device-role caller is.</param>
public sealed record Caller(string Subject, string? Role, IReadOnlyList<string> Teams, string? PatientId, string? DeviceId)
{
    public bool IsAdmin => Role == TwinsRoles.Admin;

    /// <summary>Reads the caller from a principal whose claims <see cref="TwinsClaimsTransformation"/> has normalised.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(TwinsClaimTypes.Subject)?.Value is not { Length: > 0 } subject)
        {
            return null;
        }

        var role = user.FindAll(TwinsClaimTypes.Role).Select(c => c.Value).Where(TwinsRoles.IsKnown)
            .OrderBy(Rank).FirstOrDefault();
        var teams = user.FindAll(TwinsClaimTypes.Teams).Select(c => c.Value).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return new Caller(subject, role, teams, user.FindFirst(TwinsClaimTypes.PatientId)?.Value,
            role == TwinsRoles.Device ? user.FindFirst(TwinsClaimTypes.DeviceId)?.Value ?? subject : null);
    }

    // A person in several Cognito groups acts with the strongest role.
    private static int Rank(string role) => role switch
    {
        TwinsRoles.Admin => 0,
        TwinsRoles.Clinician => 1,
        TwinsRoles.Patient => 2,
        _ => 3,
    };
}
