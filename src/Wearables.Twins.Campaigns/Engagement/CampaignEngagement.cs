namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>The patient's standing with one campaign.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignEngagement")]
public sealed class CampaignEngagement
{
    [Id(0)] public DateTimeOffset? LastMessagedAt { get; set; }
    [Id(1)] public string? LastRunId { get; set; }
    [Id(2)] public string? LastMessageId { get; set; }
}
