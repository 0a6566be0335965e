namespace Wearables.Twins.CareTeams;

/// <summary>One step of an alert's escalation: who was paged, when.</summary>
/// <param name="Level">1 for the first contact of the chain, 2 for the second, …</param>
/// <param name="ContactId">The member paged.</param>
/// <param name="ContactName">Their name when they were paged.</param>
/// <param name="At">When the deadline passed and they were paged.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AlertEscalation")]
public sealed record AlertEscalation(
    [property: Id(0)] int Level,
    [property: Id(1)] string ContactId,
    [property: Id(2)] string ContactName,
    [property: Id(3)] DateTimeOffset At);
