namespace Wearables.Twins.CareTeams.Views;

/// <summary>One contact of <see cref="CareTeamRequest.EscalationChain"/>.</summary>
public sealed record CareTeamContactRequest(string? Id, string? Name, string? Email, string? Phone);
