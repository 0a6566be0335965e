using System.Collections.Immutable;

namespace Wearables.Twins.Grains;

/// <summary>What an erased patient twin held when it was cleared.</summary>
/// <param name="Wearables">Wearables that were bound to the patient (now unbound).</param>
/// <param name="SamplesEverRecorded">Samples the twin had counted.</param>
/// <param name="SamplesHeld">Samples in its recent windows, now deleted.</param>
/// <param name="Findings">Risk findings it kept.</param>
/// <param name="PendingRecommendations">Recommendations not yet published, now dropped.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.PatientErasure")]
public sealed record PatientErasure(
    [property: Id(0)] ImmutableArray<string> Wearables,
    [property: Id(1)] long SamplesEverRecorded,
    [property: Id(2)] int SamplesHeld,
    [property: Id(3)] int Findings,
    [property: Id(4)] int PendingRecommendations);
