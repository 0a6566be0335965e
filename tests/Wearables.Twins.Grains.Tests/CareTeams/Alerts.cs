using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>Builders for care teams and the recommendations that open their alerts.</summary>
internal static class Alerts
{
    public static readonly CareTeamContact Ana = new("ana", "Dr Ana", "ana@care.test", "+5511999990001");
    public static readonly CareTeamContact Bruno = new("bruno", "Nurse Bruno", "bruno@care.test");

    public static CareTeamDefinition Team(TimeSpan acknowledgeWithin, params CareTeamContact[] chain)
        => new("Cardiology ward", [.. chain], new AcknowledgeDeadlines(acknowledgeWithin, acknowledgeWithin, acknowledgeWithin));

    public static CareTeamDefinition Team(params CareTeamContact[] chain) => new("Cardiology ward", [.. chain], AcknowledgeDeadlines.Default);

    public static Recommendation Finding(
        string patientId, string findingId, RecommendationTransition transition = RecommendationTransition.Opened,
        RecommendationSeverity severity = RecommendationSeverity.High, long sequence = 0, string? careTeamId = null)
        => new(Recommendation.StableId(patientId, findingId, transition, sequence), RecommendationKinds.IrregularRhythm, transition, severity,
            patientId, "watch-1", findingId, "irregular rhythm in 4 of the last 6 windows", "Review the ECG.",
            DateTimeOffset.UtcNow, "en", careTeamId);

    public static string[] Ids(this AlertPage page) => [.. page.Alerts.Select(a => a.AlertId)];
}
