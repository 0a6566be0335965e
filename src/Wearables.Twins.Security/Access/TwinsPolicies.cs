using Microsoft.AspNetCore.Authorization;

namespace Wearables.Twins.Security.Access;

/// <summary>Authorization policies by role; patient- and team-level checks (<see cref="PatientAccess"/>) come on top.</summary>
public static class TwinsPolicies
{
    public const string Admin = "twins-admin";

    /// <summary>Clinicians and admins.</summary>
    public const string Clinician = "twins-clinician";

    /// <summary>Any person: patient, clinician or admin.</summary>
    public const string Person = "twins-person";

    /// <summary>A device publishing as itself (admins too, for tools that replay on a device's behalf).</summary>
    public const string Device = "twins-device";

    /// <summary>Rate-limit policy: one token bucket per device.</summary>
    public const string DeviceRate = "twins-device-rate";

    /// <summary>Rate-limit policy: one token bucket per person.</summary>
    public const string UserRate = "twins-user-rate";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireClaim(TwinsClaimTypes.Role, TwinsRoles.Admin));
        options.AddPolicy(Clinician, p => p.RequireAuthenticatedUser().RequireClaim(TwinsClaimTypes.Role, TwinsRoles.Clinician, TwinsRoles.Admin));
        options.AddPolicy(Person, p => p.RequireAuthenticatedUser()
            .RequireClaim(TwinsClaimTypes.Role, TwinsRoles.Patient, TwinsRoles.Clinician, TwinsRoles.Admin));
        options.AddPolicy(Device, p => p.RequireAuthenticatedUser().RequireClaim(TwinsClaimTypes.Role, TwinsRoles.Device, TwinsRoles.Admin));

        // Anything not opened explicitly (health, metrics, the dashboard's files) needs a token.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
