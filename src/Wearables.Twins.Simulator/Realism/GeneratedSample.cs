using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// One generated measurement in the vital's canonical unit, before a device formats it for the wire.
/// Which fields are set follows the vital's <see cref="VitalShape"/>.
/// </summary>
public sealed record GeneratedSample(VitalDefinition Vital, DateTimeOffset Time)
{
    /// <summary>End of the interval (steps, sleep stages).</summary>
    public DateTimeOffset? End { get; init; }

    public double? Value { get; init; }

    public IReadOnlyList<double>? Values { get; init; }

    public double? Systolic { get; init; }

    public double? Diastolic { get; init; }

    public SleepStage? Stage { get; init; }

    /// <summary>The canonical unit; null for sleep stages.</summary>
    public string? Unit => Vital.CanonicalUnit;

    /// <summary>The latest instant the sample speaks about: its end for intervals, else its time.</summary>
    public DateTimeOffset LatestTime => End ?? Time;
}
