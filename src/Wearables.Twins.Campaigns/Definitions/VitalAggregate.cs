using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>How a day's readings of a vital become the one number a <see cref="VitalDaysRule"/> compares.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VitalAggregate>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.VitalAggregate")]
public enum VitalAggregate
{
    [JsonStringEnumMemberName("max")] Max = 0,
    [JsonStringEnumMemberName("min")] Min = 1,
    [JsonStringEnumMemberName("mean")] Mean = 2,

    /// <summary>The day's total; only for accumulated vitals (steps, distance, active energy).</summary>
    [JsonStringEnumMemberName("sum")] Sum = 3,
}
