using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Telemetry;

/// <summary>Samples a wearable forwards to its patient.</summary>
/// <param name="WearableId">The wearable that measured them.</param>
/// <param name="MessageId">The envelope they came in; null for samples held while the wearable was unbound.</param>
/// <param name="Samples">Validated samples in canonical units.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.SampleBatch")]
public sealed record SampleBatch(
    [property: Id(0)] string WearableId,
    [property: Id(1)] string? MessageId,
    [property: Id(2)] ImmutableArray<VitalSample> Samples)
{
    /// <summary>Redelivered from the telemetry log (see <see cref="TelemetryBatch.Redelivered"/>).</summary>
    [Id(3)]
    public bool Redelivered { get; init; }
}
