using System.Collections.Immutable;

namespace Wearables.Twins.CareTeams.Views;

/// <summary>A care team as the API shows it.</summary>
public sealed record CareTeamView(
    string TeamId,
    string DisplayName,
    ImmutableArray<CareTeamContact> EscalationChain,
    AcknowledgeWithinSeconds AcknowledgeWithinSeconds,
    int Patients,
    DateTimeOffset UpdatedAt)
{
    public static CareTeamView From(CareTeamInfo team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new(team.TeamId, team.Definition.DisplayName, team.Definition.EscalationChain,
            AcknowledgeWithinSeconds.From(team.Definition.AcknowledgeWithin), team.Patients, team.UpdatedAt);
    }
}
