using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>A patient's campaign engagement: consent, opt-outs, when each campaign last messaged them, and the audit trail.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.EngagementView")]
public sealed record EngagementView(
    [property: Id(0)] string PatientId,
    [property: Id(1)] ConsentRecord? Consent,
    [property: Id(2)] DateTimeOffset? OptedOutOfAllAt,
    [property: Id(3)] ImmutableDictionary<string, DateTimeOffset> CampaignOptOuts,
    [property: Id(4)] ImmutableDictionary<string, DateTimeOffset> LastMessagedAt,
    [property: Id(5)] ImmutableArray<ConsentEvent> History);
