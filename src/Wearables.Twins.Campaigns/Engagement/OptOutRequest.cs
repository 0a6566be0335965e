namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>Body of <c>POST /api/v1/patients/{id}/campaign-opt-outs</c>.</summary>
/// <param name="CampaignId">The campaign to stop; absent for every campaign.</param>
/// <param name="Source">Where the request came from (defaults to "api").</param>
public sealed record OptOutRequest(string? CampaignId = null, string? Source = null);
