namespace Wearables.Twins.CareTeams;

/// <summary>What adding a patient to a care team did.</summary>
[GenerateSerializer, Alias("Wearables.Twins.PatientAssignmentOutcome")]
public enum PatientAssignmentOutcome
{
    Added = 0,
    AlreadyInTeam = 1,

    /// <summary>The team was never defined.</summary>
    UnknownTeam = 2,

    /// <summary>The team already follows <see cref="CareTeamLimits.MaxPatients"/> patients.</summary>
    TeamFull = 3,
}
