using System.Text.Json.Serialization;

namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>Source-generated JSON for the risk commands' output (snake_case, nulls kept so every line has the same keys).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(News2Output))]
[JsonSerializable(typeof(RhythmWindowOutput))]
internal sealed partial class RiskCliJsonContext : JsonSerializerContext;
