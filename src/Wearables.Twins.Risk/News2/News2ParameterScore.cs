namespace Wearables.Twins.Risk.News2;

/// <summary>One row of the chart: the value used (as rounded for the chart), its score and its source.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.News2ParameterScore")]
public sealed record News2ParameterScore(
    [property: Id(0)] News2Parameter Parameter,
    [property: Id(1)] double Value,
    [property: Id(2)] int Score,
    [property: Id(3)] News2Source Source,
    [property: Id(4)] DateTimeOffset? Time);
