using System.Collections.Immutable;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// A care team, keyed by team id: its name, its members (the escalation chain, in paging order), its acknowledge
/// deadlines and the patients it follows. Its alerts live in <see cref="ICareTeamInboxGrain"/> under the same key.
/// </summary>
[Alias("Wearables.Twins.ICareTeamGrain")]
public interface ICareTeamGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the team's settings (its patients stay).</summary>
    /// <exception cref="ArgumentException">The definition breaks a <see cref="CareTeamLimits"/> bound or repeats a contact id.</exception>
    [Alias("Define")]
    ValueTask<CareTeamInfo> DefineAsync(CareTeamDefinition definition);

    /// <summary>The team, or null when it was never defined.</summary>
    [Alias("Get"), ReadOnly]
    ValueTask<CareTeamInfo?> GetAsync();

    /// <summary>Starts following a patient. Only records membership: the patient twin's side is set by the caller.</summary>
    [Alias("AddPatient")]
    ValueTask<PatientAssignmentOutcome> AddPatientAsync(string patientId);

    /// <summary>Stops following a patient; false when it did not follow them.</summary>
    [Alias("RemovePatient")]
    ValueTask<bool> RemovePatientAsync(string patientId);

    /// <summary>The patients the team follows, in ordinal order.</summary>
    [Alias("GetPatients"), ReadOnly]
    ValueTask<ImmutableArray<string>> GetPatientsAsync();

    /// <summary>The team's members (its escalation chain); empty when the team is not defined.</summary>
    [Alias("GetMembers"), ReadOnly]
    ValueTask<ImmutableArray<CareTeamContact>> GetMembersAsync();

    /// <summary>Whether <paramref name="userId"/> is a member (for authorising a user against a team).</summary>
    [Alias("IsMember"), ReadOnly]
    ValueTask<bool> IsMemberAsync(string userId);
}
