namespace Wearables.Twins.CareTeams;

/// <summary>The outcome of <see cref="ICareTeamInboxGrain.OpenAsync"/> and the alert it touched, if any.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AlertOpenResult")]
public sealed record AlertOpenResult(
    [property: Id(0)] AlertOpenOutcome Outcome,
    [property: Id(1)] string? AlertId);
