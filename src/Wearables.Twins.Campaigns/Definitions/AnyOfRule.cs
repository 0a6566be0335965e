using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>Patients who meet at least one of <see cref="Rules"/>.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.AnyOfRule")]
public sealed record AnyOfRule([property: Id(0)] ImmutableArray<CohortRule> Rules) : CohortRule;
