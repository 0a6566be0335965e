using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>Whether a campaign runs on its schedule.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignActivity>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignActivity")]
public enum CampaignActivity
{
    [JsonStringEnumMemberName("active")] Active = 0,

    /// <summary>No run starts, and messages still queued are dropped at delivery (their caps released).</summary>
    [JsonStringEnumMemberName("paused")] Paused = 1,
}
