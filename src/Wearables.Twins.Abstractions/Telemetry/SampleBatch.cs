using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Telemetry;

/// <summary>Samples a wearable forwards to its patient.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.SampleBatch")]
public sealed record SampleBatch(
    [property: Id(0)] string WearableId,
    [property: Id(1)] ImmutableArray<VitalSample> Samples);
