using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>What a care team persists: its settings and the patients it follows (at most <see cref="CareTeamLimits.MaxPatients"/>).</summary>
[GenerateSerializer, Alias("Wearables.Twins.CareTeamState")]
public sealed class CareTeamState
{
    /// <summary>Null until the team is defined.</summary>
    [Id(0)]
    public CareTeamDefinition? Definition { get; set; }

    [Id(1)]
    public HashSet<string> Patients { get; init; } = [];

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }
}
