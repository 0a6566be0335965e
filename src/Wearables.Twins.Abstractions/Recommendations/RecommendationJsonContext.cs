using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearables.Twins.Recommendations;

/// <summary>Source-generated JSON for recommendations on the wire (message bodies): no reflection.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Recommendation))]
public sealed partial class RecommendationJsonContext : JsonSerializerContext;
