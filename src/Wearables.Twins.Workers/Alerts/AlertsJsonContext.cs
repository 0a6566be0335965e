using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>Source-generated JSON for escalation notices on the wire (message bodies): no reflection.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CareTeamEscalationNotice))]
internal sealed partial class AlertsJsonContext : JsonSerializerContext;
