using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Catalog;

/// <inheritdoc cref="ICampaignCatalogGrain"/>
public sealed class CampaignCatalogGrain(
    [PersistentState("campaign-catalog", CampaignStorage.Name)] IPersistentState<CampaignCatalogState> state) : Grain, ICampaignCatalogGrain
{
    public async ValueTask<bool> AddAsync(string campaignId)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var ids = state.State.Ids;
        var index = ids.BinarySearch(campaignId, StringComparer.Ordinal);
        if (index >= 0)
        {
            return true;
        }

        if (ids.Count >= ICampaignCatalogGrain.Capacity)
        {
            return false;
        }

        ids.Insert(~index, campaignId);
        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<ImmutableArray<string>> ListAsync() => ValueTask.FromResult(state.State.Ids.ToImmutableArray());
}
