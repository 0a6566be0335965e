using System.Globalization;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Recommendations;

/// <summary>
/// What a patient twin emits when a finding opens, escalates or resolves. It carries everything a worker
/// needs (notification, care-team alert, campaign) so that no worker ever calls back into a grain.
/// Delivery is at-least-once: consumers deduplicate by <see cref="Id"/>.
/// </summary>
/// <param name="Id">Stable identity: the same transition of the same finding always has the same id (see <see cref="StableId"/>), so a redelivery is recognised.</param>
/// <param name="Kind">Snake_case code of the finding, e.g. <see cref="RecommendationKinds.IrregularRhythm"/>.</param>
/// <param name="Transition">Whether the finding opened, escalated or resolved.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="PatientId">The patient twin that emitted it.</param>
/// <param name="WearableId">The wearable whose samples triggered it, when one did.</param>
/// <param name="FindingId">Identity of the finding across its transitions (open → escalate → resolve share it).</param>
/// <param name="EvidenceSummary">Short, human-readable evidence (no raw vitals series), e.g. "irregular rhythm in 4 of the last 6 windows".</param>
/// <param name="SuggestedAction">What the recipient should do, in plain words.</param>
/// <param name="CreatedAt">When the twin decided it.</param>
/// <param name="Language">BCP 47 hint for wording (e.g. "en", "pt-BR"); the patient's contact preferences win when they say otherwise.</param>
/// <param name="CareTeamId">The care team following the patient, when the twin knows it.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Recommendation")]
public sealed record Recommendation(
    [property: Id(0), JsonPropertyName("id")] string Id,
    [property: Id(1), JsonPropertyName("kind")] string Kind,
    [property: Id(2), JsonPropertyName("transition")] RecommendationTransition Transition,
    [property: Id(3), JsonPropertyName("severity")] RecommendationSeverity Severity,
    [property: Id(4), JsonPropertyName("patientId")] string PatientId,
    [property: Id(5), JsonPropertyName("wearableId")] string? WearableId,
    [property: Id(6), JsonPropertyName("findingId")] string FindingId,
    [property: Id(7), JsonPropertyName("evidenceSummary")] string EvidenceSummary,
    [property: Id(8), JsonPropertyName("suggestedAction")] string SuggestedAction,
    [property: Id(9), JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: Id(10), JsonPropertyName("language")] string? Language = null,
    [property: Id(11), JsonPropertyName("careTeamId")] string? CareTeamId = null)
{
    /// <summary>
    /// The id of the <paramref name="sequence"/>-th transition of a finding: deterministic, so an outbox that
    /// re-sends after a crash produces the same id and consumers drop the copy.
    /// </summary>
    /// <param name="patientId">The patient.</param>
    /// <param name="findingId">The finding.</param>
    /// <param name="transition">The transition.</param>
    /// <param name="sequence">A per-finding counter kept in the twin's state (0 for the opening).</param>
    public static string StableId(string patientId, string findingId, RecommendationTransition transition, long sequence)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(findingId);
        return string.Create(CultureInfo.InvariantCulture,
            $"{patientId}/{findingId}/{transition.ToString().ToLowerInvariant()}/{sequence}");
    }

    /// <summary>The wire code of <see cref="Severity"/> ("info", "low", "medium", "high"), used as a message attribute.</summary>
    public string SeverityCode => SeverityCodes.ToCode(Severity);

    /// <summary>The wire code of <see cref="Transition"/> ("opened", "escalated", "resolved").</summary>
    public string TransitionCode => Transition switch
    {
        RecommendationTransition.Opened => "opened",
        RecommendationTransition.Escalated => "escalated",
        RecommendationTransition.Resolved => "resolved",
        _ => throw new InvalidOperationException($"Unknown transition {Transition}."),
    };
}
