using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Wearables.Twins.CareTeams;
using Wearables.Twins.CareTeams.Views;

namespace Wearables.Twins.Api;

/// <summary>Source-generated JSON for the care-team endpoints (severities and statuses as their lowercase codes).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CareTeamRequest))]
[JsonSerializable(typeof(CareTeamView))]
[JsonSerializable(typeof(CareTeamPatientsView))]
[JsonSerializable(typeof(AlertActionRequest))]
[JsonSerializable(typeof(AlertPage))]
[JsonSerializable(typeof(CareTeamAlert))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class CareTeamsJsonContext : JsonSerializerContext;
