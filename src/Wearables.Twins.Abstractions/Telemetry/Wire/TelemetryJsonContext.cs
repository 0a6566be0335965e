using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Telemetry.Wire;

/// <summary>Source-generated JSON metadata for the wire contract: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(TelemetryEnvelope))]
[JsonSerializable(typeof(RawTelemetryEnvelope))]
[JsonSerializable(typeof(EnvelopeSample))]
public sealed partial class TelemetryJsonContext : JsonSerializerContext;
