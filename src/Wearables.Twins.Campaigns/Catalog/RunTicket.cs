using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>A claimed run: the campaign as it was defined when the run started, and the run's identity.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.RunTicket")]
public sealed record RunTicket(
    [property: Id(0)] string RunId,
    [property: Id(1)] CampaignDefinition Definition,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? Slot,
    [property: Id(4)] int MembershipShards);
