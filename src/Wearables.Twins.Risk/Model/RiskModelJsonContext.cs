using System.Text.Json;
using System.Text.Json.Serialization;
using Wearables.Twins.Risk.Engine;

namespace Wearables.Twins.Risk.Model;

/// <summary>
/// The wire contract of a remote risk model (SageMaker endpoint or the model server): request = <see cref="RiskInput"/>,
/// response = <see cref="RiskEvaluation"/>, camelCase JSON, enums as strings, NaN allowed ("NaN") because missing
/// second values and unusable rhythm features are NaN. Source-generated: no reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    Converters = [typeof(VitalTypeJsonConverter)])]
[JsonSerializable(typeof(RiskInput))]
[JsonSerializable(typeof(RiskEvaluation))]
public sealed partial class RiskModelJsonContext : JsonSerializerContext
{
    public const string ContentType = "application/json";
}
