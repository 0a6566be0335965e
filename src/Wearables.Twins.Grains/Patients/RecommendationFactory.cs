using System.Globalization;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// Turns a finding's transition into the recommendation the workers act on, carrying all they need (no call back
/// into grains). De-escalations update the finding but send nothing: nobody needs an email that things are less bad.
/// </summary>
internal static class RecommendationFactory
{
    /// <param name="transition">The finding's transition.</param>
    /// <param name="wearableId">The wearable that reported last, if any.</param>
    /// <param name="careTeamId">The patient's care team, if any: its inbox gets the alert.</param>
    public static Recommendation? From(FindingTransition transition, string? wearableId, string? careTeamId = null)
    {
        ArgumentNullException.ThrowIfNull(transition);
        RecommendationTransition? kind = transition.Type switch
        {
            TransitionType.Opened => RecommendationTransition.Opened,
            TransitionType.Escalated => RecommendationTransition.Escalated,
            TransitionType.Resolved => RecommendationTransition.Resolved,
            _ => null,
        };
        if (kind is not { } recommended)
        {
            return null;
        }

        var finding = transition.Finding;
        return new Recommendation(
            Id: transition.Id,
            Kind: KindCode(finding.Kind),
            Transition: recommended,
            Severity: Severity(recommended == RecommendationTransition.Resolved ? transition.From : transition.To),
            PatientId: transition.PatientId,
            WearableId: wearableId,
            FindingId: finding.Id,
            EvidenceSummary: finding.Summary,
            SuggestedAction: recommended == RecommendationTransition.Resolved
                ? "The signal has resolved. No action is needed unless symptoms persist."
                : SuggestedAction(finding.Kind),
            CreatedAt: transition.At,
            CareTeamId: careTeamId);
    }

    public static string KindCode(FindingKind kind) => kind switch
    {
        FindingKind.News2 => RecommendationKinds.News2,
        FindingKind.RestingHeartRateElevation => RecommendationKinds.RestingHeartRateElevation,
        FindingKind.IrregularRhythm => RecommendationKinds.IrregularRhythm,
        FindingKind.Hypoxemia => RecommendationKinds.Hypoxemia,
        FindingKind.Fever => RecommendationKinds.Fever,
        FindingKind.HypertensiveReading => RecommendationKinds.Hypertension,
        FindingKind.TachycardiaAtRest => RecommendationKinds.Tachycardia,
        FindingKind.BradycardiaAtRest => RecommendationKinds.Bradycardia,
        _ => kind.ToString().ToLowerInvariant() switch
        {
            "sleepdeterioration" => "sleep_deterioration",
            "risingstress" => "rising_stress",
            var other => other,
        },
    };

    private static RecommendationSeverity Severity(RiskLevel level) => level switch
    {
        RiskLevel.High => RecommendationSeverity.High,
        RiskLevel.Medium => RecommendationSeverity.Medium,
        RiskLevel.Low => RecommendationSeverity.Low,
        _ => RecommendationSeverity.Info,
    };

    private static string SuggestedAction(FindingKind kind) => kind switch
    {
        FindingKind.IrregularRhythm => "Possible irregular rhythm: take an ECG reading if your watch can, and contact your care team to review it.",
        FindingKind.News2 => "The early-warning score is raised: the care team should review the patient's vital signs.",
        FindingKind.Hypoxemia => "Oxygen saturation has stayed low: check the reading at rest and contact your care team if it persists or you feel breathless.",
        FindingKind.Fever => "Temperature is raised: rest, drink fluids and contact your care team if it persists or other symptoms appear.",
        FindingKind.HypertensiveReading => "Blood pressure readings are high: repeat the measurement seated after 5 minutes and share it with your care team.",
        FindingKind.RestingHeartRateElevation => "Resting heart rate is above your usual: this can come before an infection. Rest and watch for symptoms.",
        FindingKind.TachycardiaAtRest => "Heart rate at rest is high: sit down, rest, and contact your care team if it does not settle.",
        FindingKind.BradycardiaAtRest => "Heart rate at rest is low: contact your care team if you feel dizzy or faint.",
        _ => string.Create(CultureInfo.InvariantCulture, $"A change in {KindCode(kind).Replace('_', ' ')} was noticed: review it with your care team."),
    };
}
