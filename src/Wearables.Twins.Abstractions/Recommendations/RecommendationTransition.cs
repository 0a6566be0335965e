using System.Text.Json.Serialization;

namespace Wearables.Twins.Recommendations;

/// <summary>What happened to the finding behind a recommendation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationTransition>))]
[GenerateSerializer, Alias("Wearables.Twins.RecommendationTransition")]
public enum RecommendationTransition
{
    /// <summary>A finding appeared.</summary>
    [JsonStringEnumMemberName("opened")] Opened = 0,

    /// <summary>An open finding became more severe.</summary>
    [JsonStringEnumMemberName("escalated")] Escalated = 1,

    /// <summary>An open finding cleared.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved = 2,
}
