namespace Wearables.Twins.Risk.News2;

/// <summary>A value for one NEWS2 parameter, with when and from where.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.News2Reading")]
public readonly record struct News2Reading(
    [property: Id(0)] double Value,
    [property: Id(1)] DateTimeOffset? Time = null,
    [property: Id(2)] News2Source Source = News2Source.Clinician);
