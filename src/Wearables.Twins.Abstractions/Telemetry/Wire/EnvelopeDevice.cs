using System.Text.Json.Serialization;

namespace Wearables.Twins.Telemetry.Wire;

/// <summary>Optional device metadata in an envelope.</summary>
public sealed class EnvelopeDevice
{
    [JsonPropertyName("vendor")]
    public string? Vendor { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("firmware")]
    public string? Firmware { get; set; }

    /// <summary>
    /// What the device is (<c>watch</c>, <c>band</c>, <c>ring</c>, <c>phone</c>, <c>scale</c>, <c>bp_monitor</c>, …):
    /// the source of its samples unless a sample names its own.
    /// </summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; set; }

    /// <summary>Battery charge in percent (0–100).</summary>
    [JsonPropertyName("battery")]
    public double? Battery { get; set; }
}
