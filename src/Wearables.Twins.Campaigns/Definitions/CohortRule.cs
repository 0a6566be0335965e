using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// A node of a campaign's cohort rule: a combination (<see cref="AllOfRule"/>, <see cref="AnyOfRule"/>) or a condition
/// (<see cref="VitalDaysRule"/> over the history lake, <see cref="OpenFindingRule"/> over the twins' open findings).
/// In JSON the kind is the <c>type</c> property: <c>all</c>, <c>any</c>, <c>vital_days</c>, <c>open_finding</c>.
/// There is no negation on purpose: every condition selects patients from data, so a rule never has to enumerate
/// every patient of the service.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AllOfRule), "all")]
[JsonDerivedType(typeof(AnyOfRule), "any")]
[JsonDerivedType(typeof(VitalDaysRule), "vital_days")]
[JsonDerivedType(typeof(OpenFindingRule), "open_finding")]
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CohortRule")]
public abstract record CohortRule;
