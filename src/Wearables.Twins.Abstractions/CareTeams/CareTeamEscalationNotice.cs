using Wearables.Twins.Recommendations;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// What an inbox publishes when an alert escalates: everything the worker needs to page the contact, so it never
/// calls back into a grain. <see cref="NoticeId"/> is stable per alert and level, so a re-send is recognised.
/// </summary>
/// <param name="NoticeId">Message id: <c>{team}/{alert}/escalation/{level}</c>.</param>
/// <param name="TeamId">The care team.</param>
/// <param name="TeamName">Its display name.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="Level">1 for the first contact of the chain, …</param>
/// <param name="Contact">Who to page.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="Kind">Kind of the finding.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="Summary">Short evidence.</param>
/// <param name="SuggestedAction">What the twin suggests.</param>
/// <param name="OpenedAt">When the alert opened.</param>
/// <param name="EscalatedAt">When its deadline passed.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.CareTeamEscalationNotice")]
public sealed record CareTeamEscalationNotice(
    [property: Id(0)] string NoticeId,
    [property: Id(1)] string TeamId,
    [property: Id(2)] string TeamName,
    [property: Id(3)] string AlertId,
    [property: Id(4)] int Level,
    [property: Id(5)] CareTeamContact Contact,
    [property: Id(6)] string PatientId,
    [property: Id(7)] string Kind,
    [property: Id(8)] RecommendationSeverity Severity,
    [property: Id(9)] string Summary,
    [property: Id(10)] string SuggestedAction,
    [property: Id(11)] DateTimeOffset OpenedAt,
    [property: Id(12)] DateTimeOffset EscalatedAt);
