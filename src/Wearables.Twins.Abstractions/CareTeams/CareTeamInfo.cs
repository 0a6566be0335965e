namespace Wearables.Twins.CareTeams;

/// <summary>A defined care team: its settings, how many patients it follows and when it was last changed.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.CareTeamInfo")]
public sealed record CareTeamInfo(
    [property: Id(0)] string TeamId,
    [property: Id(1)] CareTeamDefinition Definition,
    [property: Id(2)] int Patients,
    [property: Id(3)] DateTimeOffset UpdatedAt);
