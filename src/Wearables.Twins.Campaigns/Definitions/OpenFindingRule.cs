using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// Patients with an open finding of <see cref="Kind"/> (e.g. <c>hypertension</c>) at <see cref="MinSeverity"/> or
/// above, as the recommendations topic last reported it (a projection fed by the topic, never a call to the twins).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.OpenFindingRule")]
public sealed record OpenFindingRule(
    [property: Id(0)] string Kind,
    [property: Id(1)] RecommendationSeverity MinSeverity = RecommendationSeverity.Info) : CohortRule;
