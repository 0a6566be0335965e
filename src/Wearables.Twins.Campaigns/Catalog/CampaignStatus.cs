using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>A campaign as staff see it: its definition, whether it runs, when next, and its counts.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignStatus")]
public sealed record CampaignStatus(
    [property: Id(0)] CampaignDefinition Definition,
    [property: Id(1)] CampaignActivity State,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset StateChangedAt,
    [property: Id(4)] DateTimeOffset? NextRunAt,
    [property: Id(5)] DateTimeOffset? LastRunAt,
    [property: Id(6)] DateTimeOffset? RunningSince,
    [property: Id(7)] CampaignCounts Counts,
    [property: Id(8)] RunReport? LastRun);
