using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>Source-generated JSON for ingest reports (HTTP responses and MQTT rejects records).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IngestReport))]
public sealed partial class IngestJsonContext : JsonSerializerContext;
