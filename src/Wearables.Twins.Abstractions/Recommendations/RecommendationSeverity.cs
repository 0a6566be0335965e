using System.Text.Json.Serialization;

namespace Wearables.Twins.Recommendations;

/// <summary>How urgent a recommendation is; ordered, so filters can say "medium and above".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationSeverity>))]
[GenerateSerializer, Alias("Wearables.Twins.RecommendationSeverity")]
public enum RecommendationSeverity
{
    [JsonStringEnumMemberName("info")] Info = 0,
    [JsonStringEnumMemberName("low")] Low = 1,
    [JsonStringEnumMemberName("medium")] Medium = 2,
    [JsonStringEnumMemberName("high")] High = 3,
}
