using System.Collections.Immutable;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// One alert in a care team's inbox: a patient's finding that needs a person. One alert per finding while it is
/// active; an escalated finding raises its severity, a resolved finding resolves it.
/// </summary>
/// <param name="AlertId">Unique within the team's inbox, e.g. <c>alert-42</c>.</param>
/// <param name="PatientId">The patient.</param>
/// <param name="FindingId">The twin's finding behind it.</param>
/// <param name="Kind">Snake_case kind of the finding (see <see cref="RecommendationKinds"/>).</param>
/// <param name="Severity">Current severity: the highest the finding reached while the alert was active.</param>
/// <param name="Status">Where it is in its lifecycle.</param>
/// <param name="Summary">Short evidence from the twin (no raw vitals).</param>
/// <param name="SuggestedAction">What the twin suggests.</param>
/// <param name="WearableId">The wearable that triggered it, when one did.</param>
/// <param name="DetectedAt">When the twin decided it.</param>
/// <param name="OpenedAt">When the inbox received it.</param>
/// <param name="SeverityRaisedAt">When an escalated finding last raised its severity.</param>
/// <param name="EscalationLevel">0 while only the inbox shows it; n once the n-th contact of the chain was paged.</param>
/// <param name="Escalations">Who was paged, in order.</param>
/// <param name="EscalatesAt">When the next contact is paged unless someone acknowledges; null when nobody is left or it is acknowledged.</param>
/// <param name="AcknowledgedBy">Who acknowledged it.</param>
/// <param name="AcknowledgedAt">When.</param>
/// <param name="ResolvedBy">Who resolved it; null when the finding cleared by itself (<paramref name="AutoResolved"/>).</param>
/// <param name="ResolvedAt">When.</param>
/// <param name="ResolutionNote">What the resolver wrote, or the twin's summary when it resolved by itself.</param>
/// <param name="AutoResolved">Whether the twin resolved it because the finding cleared.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.CareTeamAlert")]
public sealed record CareTeamAlert(
    [property: Id(0)] string AlertId,
    [property: Id(1)] string PatientId,
    [property: Id(2)] string FindingId,
    [property: Id(3)] string Kind,
    [property: Id(4)] RecommendationSeverity Severity,
    [property: Id(5)] AlertStatus Status,
    [property: Id(6)] string Summary,
    [property: Id(7)] string SuggestedAction,
    [property: Id(8)] string? WearableId,
    [property: Id(9)] DateTimeOffset DetectedAt,
    [property: Id(10)] DateTimeOffset OpenedAt,
    [property: Id(11)] DateTimeOffset? SeverityRaisedAt,
    [property: Id(12)] int EscalationLevel,
    [property: Id(13)] ImmutableArray<AlertEscalation> Escalations,
    [property: Id(14)] DateTimeOffset? EscalatesAt,
    [property: Id(15)] string? AcknowledgedBy = null,
    [property: Id(16)] DateTimeOffset? AcknowledgedAt = null,
    [property: Id(17)] string? ResolvedBy = null,
    [property: Id(18)] DateTimeOffset? ResolvedAt = null,
    [property: Id(19)] string? ResolutionNote = null,
    [property: Id(20)] bool AutoResolved = false);
