namespace Wearables.Twins.CareTeams.Views;

/// <summary>Body of <c>PUT /api/v1/care-teams/{teamId}</c>; an absent <see cref="AcknowledgeWithinSeconds"/> (or field of it) takes the default.</summary>
public sealed record CareTeamRequest(
    string? DisplayName,
    IReadOnlyList<CareTeamContactRequest>? EscalationChain,
    AcknowledgeWithinSeconds? AcknowledgeWithinSeconds);
