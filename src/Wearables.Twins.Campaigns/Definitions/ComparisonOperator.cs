using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>How a day's aggregate is compared with the threshold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.ComparisonOperator")]
public enum ComparisonOperator
{
    [JsonStringEnumMemberName(">=")] AtLeast = 0,
    [JsonStringEnumMemberName(">")] Above = 1,
    [JsonStringEnumMemberName("<=")] AtMost = 2,
    [JsonStringEnumMemberName("<")] Below = 3,
}
