namespace Wearables.Twins.Risk.Findings;

/// <summary>The personal baseline a signal compared against: robust centre and spread over so many days.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.BaselineReference")]
public sealed record BaselineReference(
    [property: Id(0)] string Metric,
    [property: Id(1)] double Median,
    [property: Id(2)] double Scale,
    [property: Id(3)] int Days);
