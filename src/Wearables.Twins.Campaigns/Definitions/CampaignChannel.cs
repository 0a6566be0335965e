using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>How a campaign reaches its patients.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignChannel>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignChannel")]
public enum CampaignChannel
{
    [JsonStringEnumMemberName("email")] Email = 0,
    [JsonStringEnumMemberName("sms")] Sms = 1,
}
