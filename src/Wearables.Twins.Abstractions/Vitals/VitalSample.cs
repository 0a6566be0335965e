using System.Collections.Immutable;

namespace Wearables.Twins.Vitals;

/// <summary>
/// One validated reading in canonical units. A struct so that a twin's ring buffers hold samples inline.
/// </summary>
/// <param name="Type">Which vital.</param>
/// <param name="Time">When it was measured, with the offset the device reported.</param>
/// <param name="End">End of the interval for quantities and categories; null for instants.</param>
/// <param name="Value">The number (systolic for blood pressure, category index for sleep stages).</param>
/// <param name="Value2">The second number (diastolic); NaN when the vital has one.</param>
/// <param name="Series">Beat-by-beat values for series vitals; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.VitalSample")]
public readonly record struct VitalSample(
    [property: Id(0)] VitalType Type,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] DateTimeOffset? End,
    [property: Id(3)] double Value,
    [property: Id(4)] double Value2,
    [property: Id(5)] ImmutableArray<double> Series)
{
    /// <summary>Index into the vital's <see cref="VitalDefinition.Qualifiers"/> (heart-rate motion context); 0 when none.</summary>
    [Id(6)]
    public byte Qualifier { get; init; }

    /// <summary>What kind of device measured it; decides which of two sources' reports of one measurement counts.</summary>
    [Id(7)]
    public SourceKind Source { get; init; }

    public static VitalSample Scalar(VitalType type, DateTimeOffset time, double value)
        => new(type, time, null, value, double.NaN, []);

    /// <summary>
    /// Identity of the measurement: the same vital at the same instant (and interval end) is the same
    /// sample, however often it is delivered.
    /// </summary>
    public bool IsSameMeasurement(in VitalSample other)
        => Type == other.Type
            && Time.UtcTicks == other.Time.UtcTicks
            && End?.UtcTicks == other.End?.UtcTicks;
}
