namespace Wearables.Twins.Risk.Findings;

/// <summary>
/// One lifecycle event of a finding, for an outbox to turn into a recommendation. <see cref="Id"/> is deterministic
/// ({finding id}#{revision}) so a redelivered or re-applied transition can be recognised.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.FindingTransition")]
public sealed record FindingTransition(
    [property: Id(0)] string Id,
    [property: Id(1)] string PatientId,
    [property: Id(2)] TransitionType Type,
    [property: Id(3)] RiskLevel From,
    [property: Id(4)] RiskLevel To,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] Finding Finding);
