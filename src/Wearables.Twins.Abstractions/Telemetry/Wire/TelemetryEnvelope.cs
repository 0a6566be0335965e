using System.Text.Json.Serialization;

namespace Wearables.Twins.Telemetry.Wire;

/// <summary>
/// Canonical telemetry envelope v1 as devices send it (see docs/telemetry.md).
/// Used by writers (simulator, CLI, tests); the service reads samples one by one so that one malformed
/// sample cannot sink its neighbours.
/// </summary>
public sealed class TelemetryEnvelope
{
    public const string SchemaV1 = "wearables.telemetry/v1";

    [JsonPropertyName("schema")]
    public string Schema { get; set; } = SchemaV1;

    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("sentAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SentAt { get; set; }

    [JsonPropertyName("device")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EnvelopeDevice? Device { get; set; }

    [JsonPropertyName("samples")]
    public IList<EnvelopeSample> Samples { get; init; } = [];
}
