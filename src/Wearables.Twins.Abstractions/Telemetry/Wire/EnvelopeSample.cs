using System.Text.Json.Serialization;

namespace Wearables.Twins.Telemetry.Wire;

/// <summary>One sample as it travels on the wire; which fields apply depends on the vital's shape.</summary>
public sealed class EnvelopeSample
{
    /// <summary>Vital code from the catalogue, e.g. <c>heart_rate</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>RFC 3339 timestamp with an offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>End of the interval for steps and sleep stages (RFC 3339).</summary>
    [JsonPropertyName("end")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? End { get; set; }

    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Value { get; set; }

    [JsonPropertyName("values")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<double>? Values { get; init; }

    [JsonPropertyName("systolic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Systolic { get; set; }

    [JsonPropertyName("diastolic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Diastolic { get; set; }

    /// <summary>Category name for sleep stages (<c>awake</c>, <c>light</c>, <c>deep</c>, <c>rem</c>, <c>in_bed</c>).</summary>
    [JsonPropertyName("stage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Stage { get; set; }

    /// <summary>Category of category and recording vitals (menstrual flow, ovulation test, ECG classification).</summary>
    [JsonPropertyName("category")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Category { get; set; }

    /// <summary>Measurement context where the vital has one: heart rate <c>resting</c>, <c>active</c> or <c>unknown</c>.</summary>
    [JsonPropertyName("context")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Context { get; set; }

    /// <summary>
    /// The kind of device that measured this sample when it is not the sending device (a phone app relaying
    /// both watch and phone readings); a <c>device.kind</c> name.
    /// </summary>
    [JsonPropertyName("source")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; set; }

    /// <summary>UCUM unit (or an accepted alias) of the numbers.</summary>
    [JsonPropertyName("unit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unit { get; set; }
}
