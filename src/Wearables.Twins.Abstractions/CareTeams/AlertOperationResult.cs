namespace Wearables.Twins.CareTeams;

/// <summary>The outcome of acknowledging or resolving, with the alert as it now stands (null when not found).</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AlertOperationResult")]
public sealed record AlertOperationResult(
    [property: Id(0)] AlertOperationOutcome Outcome,
    [property: Id(1)] CareTeamAlert? Alert);
