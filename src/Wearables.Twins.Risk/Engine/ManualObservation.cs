using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// A value a clinician entered (PUT /api/v1/patients/{id}/observations): any NEWS2 parameter, including the two a
/// wearable cannot sense (consciousness: 0 alert, 1 CVPU; air or oxygen: 0 air, 1 oxygen).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.ManualObservation")]
public sealed record ManualObservation(
    [property: Id(0)] News2Parameter Parameter,
    [property: Id(1)] double Value,
    [property: Id(2)] DateTimeOffset Time);
