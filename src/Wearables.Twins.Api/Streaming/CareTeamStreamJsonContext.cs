using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// Source-generated JSON for the care-team stream: risk enums as snake_case like the risk endpoints, alerts exactly as
/// <c>GET …/alerts</c> returns them, so a dashboard renders both with one piece of code.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(SnakeCase<RiskLevel>), typeof(SnakeCase<FindingKind>), typeof(SnakeCase<News2Band>)])]
[JsonSerializable(typeof(CareTeamSnapshot))]
[JsonSerializable(typeof(CareTeamTile))]
[JsonSerializable(typeof(TileRemoved))]
[JsonSerializable(typeof(AlertPage))]
[JsonSerializable(typeof(StreamProblem))]
internal sealed partial class CareTeamStreamJsonContext : JsonSerializerContext;
