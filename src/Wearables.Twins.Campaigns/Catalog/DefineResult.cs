namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>How defining a campaign ended.</summary>
public enum DefineResult
{
    Created = 0,

    /// <summary>The definition has problems; nothing was stored.</summary>
    Invalid = 1,

    /// <summary>A campaign with this id exists; definitions are not replaced.</summary>
    AlreadyExists = 2,

    /// <summary>The catalogue holds <see cref="ICampaignCatalogGrain.Capacity"/> campaigns already.</summary>
    CatalogFull = 3,
}
