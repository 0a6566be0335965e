using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Workers.Tests.Alerts;

/// <summary>Builders for escalation notices, contacts and the recommendations that open alerts.</summary>
internal static class Escalations
{
    public static CareTeamContact Contact(string? phone = null, bool withEmail = true)
        => new($"c-{Guid.NewGuid():N}", "Dr Ana", withEmail ? NotificationFixture.UniqueAddress() : null, phone);

    public static CareTeamEscalationNotice Notice(CareTeamContact contact, string teamId = "cardiology", string alertId = "alert-7", int level = 1)
        => new($"{teamId}/{alertId}/escalation/{level}", teamId, "Cardiology ward", alertId, level, contact, "p-42",
            RecommendationKinds.IrregularRhythm, RecommendationSeverity.High, "irregular rhythm in 4 of the last 6 windows <checked>",
            "Review the ECG.", new DateTimeOffset(2025, 3, 10, 14, 55, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 10, 15, 0, 0, TimeSpan.Zero));

    public static Recommendation Recommendation(string patientId, string? careTeamId,
        RecommendationSeverity severity = RecommendationSeverity.High, string findingId = "finding-1")
        => new(Twins.Recommendations.Recommendation.StableId(patientId, findingId, RecommendationTransition.Opened, 0),
            RecommendationKinds.IrregularRhythm, RecommendationTransition.Opened, severity, patientId, "watch-1", findingId,
            "irregular rhythm in 4 of the last 6 windows", "Review the ECG.", DateTimeOffset.UtcNow, "en", careTeamId);
}
