using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>The list of campaign ids (one grain, key 0): what the scheduler walks and the API lists. Bounded.</summary>
[Alias("Wearables.Twins.Campaigns.ICampaignCatalogGrain")]
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Most campaigns the service keeps.</summary>
    const int Capacity = 1000;

    /// <summary>Adds an id (idempotent); false when the catalogue is full.</summary>
    [Alias("Add")]
    ValueTask<bool> AddAsync(string campaignId);

    [Alias("List"), ReadOnly]
    ValueTask<ImmutableArray<string>> ListAsync();
}
