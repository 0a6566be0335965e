using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>Patients who meet every one of <see cref="Rules"/>.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.AllOfRule")]
public sealed record AllOfRule([property: Id(0)] ImmutableArray<CohortRule> Rules) : CohortRule;
