using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Options;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>Defining and listing campaigns: validation, the catalogue and the campaign grains behind one call each.</summary>
public sealed class CampaignRegistry(IGrainFactory grains, IOptions<CampaignOptions> options, TimeProvider time)
{
    private ICampaignCatalogGrain Catalog => grains.GetGrain<ICampaignCatalogGrain>(0);

    /// <summary>Validates and stores a new campaign, active or paused.</summary>
    public async Task<DefineOutcome> DefineAsync(CampaignDefinition? definition, CampaignActivity activity)
    {
        var problems = CampaignValidation.Validate(definition);
        if (problems.Count > 0)
        {
            return new DefineOutcome(DefineResult.Invalid, problems, null);
        }

        // The id goes into the catalogue first: a campaign that exists is always listed (a listed id whose
        // definition never landed is skipped when listing).
        var campaign = grains.GetGrain<ICampaignGrain>(definition!.Id);
        if (await campaign.GetAsync() is { } existing)
        {
            return new DefineOutcome(DefineResult.AlreadyExists, [], existing);
        }

        if (!await Catalog.AddAsync(definition.Id))
        {
            return new DefineOutcome(DefineResult.CatalogFull, [], null);
        }

        var created = await campaign.DefineAsync(definition, activity, options.Value.MembershipShards, time.GetUtcNow());
        return new DefineOutcome(created ? DefineResult.Created : DefineResult.AlreadyExists, [], await campaign.GetAsync());
    }

    /// <summary>Every campaign, in id order.</summary>
    public async Task<IReadOnlyList<CampaignStatus>> ListAsync()
    {
        var ids = await Catalog.ListAsync();
        var campaigns = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync().AsTask()));
        return [.. campaigns.OfType<CampaignStatus>()];
    }

    public Task<CampaignStatus?> GetAsync(string campaignId) => grains.GetGrain<ICampaignGrain>(campaignId).GetAsync().AsTask();

    /// <summary>Pauses or resumes; null when the campaign does not exist.</summary>
    public Task<CampaignStatus?> SetStateAsync(string campaignId, CampaignActivity activity)
        => grains.GetGrain<ICampaignGrain>(campaignId).SetStateAsync(activity, time.GetUtcNow()).AsTask();
}
