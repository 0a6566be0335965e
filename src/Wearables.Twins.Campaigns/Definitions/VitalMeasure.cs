using System.Text.Json.Serialization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>Which number of a sample a rule reads: the value, or one of blood pressure's two.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VitalMeasure>))]
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.VitalMeasure")]
public enum VitalMeasure
{
    /// <summary>The sample's value (every vital but blood pressure).</summary>
    [JsonStringEnumMemberName("value")] Value = 0,

    [JsonStringEnumMemberName("systolic")] Systolic = 1,
    [JsonStringEnumMemberName("diastolic")] Diastolic = 2,
}
