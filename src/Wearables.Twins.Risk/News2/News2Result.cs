using System.Collections.Immutable;

namespace Wearables.Twins.Risk.News2;

/// <summary>
/// A NEWS2 score. When parameters are missing the aggregate covers only those present (<see cref="IsPartial"/>): a
/// partial score can only under-state the full one, so its band is a floor, never a reassurance.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.News2Result")]
public sealed record News2Result(
    [property: Id(0)] int Aggregate,
    [property: Id(1)] News2Band Band,
    [property: Id(2)] ImmutableArray<News2ParameterScore> Parameters,
    [property: Id(3)] ImmutableArray<News2Parameter> Missing,
    [property: Id(4)] bool Scale2)
{
    public bool IsPartial => !Missing.IsEmpty;

    /// <summary>Whether any single parameter scored 3 (the "red score" trigger).</summary>
    public bool AnySingleThree => Parameters.Any(p => p.Score == 3);
}
