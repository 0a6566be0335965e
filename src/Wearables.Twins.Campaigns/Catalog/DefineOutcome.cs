using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>The answer to <see cref="CampaignRegistry.DefineAsync"/>: the stored campaign, or why there is none.</summary>
public sealed record DefineOutcome(DefineResult Result, IReadOnlyList<CampaignProblem> Problems, CampaignStatus? Campaign);
