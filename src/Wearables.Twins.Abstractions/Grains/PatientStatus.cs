using System.Collections.Immutable;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains;

/// <summary>The patient twin as the API shows it: the latest value of every vital seen.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.PatientStatus")]
public sealed record PatientStatus(
    [property: Id(0)] string PatientId,
    [property: Id(1)] ImmutableArray<string> Wearables,
    [property: Id(2)] DateTimeOffset? LastUpdate,
    [property: Id(3)] ImmutableArray<LatestVital> Latest,
    [property: Id(4)] long Samples);

/// <summary>The newest reading of one vital, its count, and for daily sums today's total.</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.LatestVital")]
public sealed record LatestVital(
    [property: Id(0)] VitalSample Sample,
    [property: Id(1)] long Count,
    [property: Id(2)] double? DayTotal);
