namespace Wearables.Twins.Risk.Findings;

/// <summary>One reading a signal rests on: which vital, when, and its value(s).</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.EvidenceSample")]
public sealed record EvidenceSample(
    [property: Id(0)] string Vital,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] double Value,
    [property: Id(3)] double? Value2 = null);
