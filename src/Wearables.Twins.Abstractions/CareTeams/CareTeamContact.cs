namespace Wearables.Twins.CareTeams;

/// <summary>
/// A member of a care team and a step of its escalation chain. <see cref="Id"/> is the person's user id (the
/// subject of their sign-in), so memberships and roles can later be checked against it.
/// </summary>
/// <param name="Id">The member's user id (the same alphabet as every other id).</param>
/// <param name="Name">How alerts address them.</param>
/// <param name="Email">Where escalation emails go, when they have one.</param>
/// <param name="Phone">E.164 number for escalation texts, when they have one.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.CareTeamContact")]
public sealed record CareTeamContact(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email = null,
    [property: Id(3)] string? Phone = null);
