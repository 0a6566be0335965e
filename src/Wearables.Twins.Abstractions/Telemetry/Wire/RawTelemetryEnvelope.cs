using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Telemetry.Wire;

/// <summary>
/// The envelope as the service first reads it: samples stay raw JSON so each is decoded, and rejected,
/// on its own.
/// </summary>
public sealed class RawTelemetryEnvelope
{
    [JsonPropertyName("schema")]
    public string? Schema { get; set; }

    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("sentAt")]
    public string? SentAt { get; set; }

    [JsonPropertyName("device")]
    public EnvelopeDevice? Device { get; set; }

    [JsonPropertyName("samples")]
    public IList<JsonElement>? Samples { get; init; }
}
