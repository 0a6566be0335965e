using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Api;

/// <summary>
/// Source-generated JSON for the risk endpoints: enums as snake_case strings (<c>irregular_rhythm</c>, <c>low_medium</c>),
/// and NaN as "NaN" where a feature could not be computed.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [
        typeof(SnakeCase<RiskLevel>), typeof(SnakeCase<FindingKind>), typeof(SnakeCase<FindingStatus>), typeof(SnakeCase<Trend>),
        typeof(SnakeCase<News2Band>), typeof(SnakeCase<News2Source>), typeof(SnakeCase<News2Parameter>)])]
[JsonSerializable(typeof(RiskStatus))]
[JsonSerializable(typeof(ObservationsRequest))]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class RiskJsonContext : JsonSerializerContext;

/// <summary>An enum of the risk views as its snake_case name.</summary>
public sealed class SnakeCase<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
