namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>One thing wrong with a campaign definition.</summary>
/// <param name="Field">Where, as a JSON path (e.g. <c>rule.rules[0].threshold</c>).</param>
/// <param name="Reason">Stable snake_case code (e.g. <c>unknown_vital</c>, <c>threshold_out_of_range</c>).</param>
/// <param name="Message">The sentence for a person.</param>
public sealed record CampaignProblem(string Field, string Reason, string Message);
