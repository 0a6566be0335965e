using System.Collections.Immutable;

namespace Wearables.Twins.CareTeams;

/// <summary>What an administrator sets for a care team.</summary>
/// <param name="DisplayName">The team's name as people read it.</param>
/// <param name="EscalationChain">Contacts in the order they are paged when an alert is not acknowledged in time; they are the team's members.</param>
/// <param name="AcknowledgeWithin">Deadlines per severity.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.CareTeamDefinition")]
public sealed record CareTeamDefinition(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] ImmutableArray<CareTeamContact> EscalationChain,
    [property: Id(2)] AcknowledgeDeadlines AcknowledgeWithin);
