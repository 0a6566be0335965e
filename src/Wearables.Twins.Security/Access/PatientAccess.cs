using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains;

namespace Wearables.Twins.Security.Access;

/// <summary>
/// The one rule for patient data: admins see everyone, a patient sees their own record, a clinician sees the patients
/// of care teams they belong to (a member in the team grain, or a team their token asserts). Everything else is refused
/// the same way whether or not the patient exists, so a refusal tells nothing about someone else's record.
/// </summary>
public sealed class PatientAccess(IGrainFactory grains)
{
    public async ValueTask<AccessDecision> CheckAsync(Caller caller, string patientId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        switch (caller.Role)
        {
            case TwinsRoles.Admin:
                return AccessDecision.Allowed;
            case TwinsRoles.Patient:
                return string.Equals(caller.PatientId, patientId, StringComparison.Ordinal)
                    ? AccessDecision.Allowed
                    : AccessDecision.Deny("not_your_record", "A patient may read and write only their own record.");
            case TwinsRoles.Clinician:
                var team = await grains.GetGrain<IPatientGrain>(patientId).GetCareTeamAsync();
                if (team is not null
                    && (caller.Teams.Contains(team, StringComparer.Ordinal) || await grains.GetGrain<ICareTeamGrain>(team).IsMemberAsync(caller.Subject)))
                {
                    return AccessDecision.Allowed;
                }

                return AccessDecision.Deny("not_in_your_care_teams", "This patient is not followed by any of your care teams.");
            default:
                return AccessDecision.Deny("role_not_allowed", "This credential may not read or write patient records.");
        }
    }

    /// <summary>Whether the caller may see a care team's patients, alerts and live stream.</summary>
    public async ValueTask<AccessDecision> CheckTeamAsync(Caller caller, string teamId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsAdmin)
        {
            return AccessDecision.Allowed;
        }

        return caller.Role == TwinsRoles.Clinician
            && (caller.Teams.Contains(teamId, StringComparer.Ordinal) || await grains.GetGrain<ICareTeamGrain>(teamId).IsMemberAsync(caller.Subject))
            ? AccessDecision.Allowed
            : AccessDecision.Deny("not_your_care_team", "Only members of this care team (and admins) may see it.");
    }
}

/// <summary>A yes, or a no with its reason code and sentence.</summary>
public sealed record AccessDecision(bool IsAllowed, string? Reason, string? Detail)
{
    public static readonly AccessDecision Allowed = new(true, null, null);

    public static AccessDecision Deny(string reason, string detail) => new(false, reason, detail);
}
