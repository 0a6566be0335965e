namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>The catalogue's ids, sorted; at most <see cref="ICampaignCatalogGrain.Capacity"/>.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignCatalogState")]
public sealed class CampaignCatalogState
{
    [Id(0)] public List<string> Ids { get; init; } = [];
}
