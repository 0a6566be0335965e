using System.Collections.Immutable;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Risk.Engine;

/// <summary>The patient's risk as the API shows it (GET /api/v1/patients/{id}/risk): screening signals, not diagnoses.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.RiskStatus")]
public sealed record RiskStatus(
    [property: Id(0)] RiskLevel OverallLevel,
    [property: Id(1)] ImmutableArray<Finding> Findings,
    [property: Id(2)] News2Result? News2,
    [property: Id(3)] DateTimeOffset? EvaluatedAt,
    [property: Id(4)] string? Model,
    [property: Id(5)] bool FellBack)
{
    [Id(6)] public string Disclaimer { get; init; } = ScreeningWording.Disclaimer;
}
