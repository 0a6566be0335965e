using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Ingest.Tests.Decoding;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// Valid samples of every vital in <see cref="VitalCatalog"/>, built from the catalogue entry itself (shape, units,
/// plausible range, categories, contexts), with the canonical <see cref="VitalSample"/> the decoder must produce.
/// Fields come in random order; optional fields (end, context, source, a unit where none is needed) come and go.
/// </summary>
internal static class ValidSamples
{
    private static readonly IngestOptions Limits = new();

    /// <summary>A day inside the oldest accepted time, so truncating fraction digits cannot push a sample out.</summary>
    public static readonly DateTimeOffset Earliest = Envelopes.Now - Limits.MaxSampleAge + TimeSpan.FromDays(1);

    /// <summary>Inside the allowed clock skew for instants.</summary>
    public static readonly DateTimeOffset LatestInstant = Envelopes.Now + Limits.MaxFutureSkew - TimeSpan.FromMinutes(1);

    /// <summary>Latest start of an interval, leaving room for an end inside the allowed skew.</summary>
    public static readonly DateTimeOffset LatestIntervalStart = Envelopes.Now + Limits.MaxFutureSkew - TimeSpan.FromMinutes(2);

    public static Gen<SampleCase> Any(SourceKind deviceSource)
        => Gen.Elements(VitalCatalog.All.ToArray()).SelectMany(vital => For(vital, deviceSource));

    public static Gen<SampleCase> For(VitalDefinition vital, SourceKind deviceSource)
        => vital.Shape switch
        {
            VitalShape.Scalar => Scalar(vital, deviceSource),
            VitalShape.Quantity => Quantity(vital, deviceSource),
            VitalShape.Series => Series(vital, deviceSource),
            VitalShape.BloodPressure => BloodPressure(vital, deviceSource),
            VitalShape.CategoryInterval or VitalShape.Category => Category(vital, deviceSource),
            VitalShape.Recording => Recording(vital, deviceSource),
            _ => throw new InvalidOperationException($"No generator for the shape {vital.Shape} of {vital.Code}."),
        };

    /// <summary>A reading in <paramref name="unit"/> whose canonical value lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Gen<(double Raw, double Canonical)> Reading(UnitConversion unit, double min, double max)
        => (from canonical in Gen.Frequency(
                (1, Gen.Constant(min)),
                (1, Gen.Constant(max)),
                (3, Gen.Choose((int)Math.Ceiling(min), (int)Math.Floor(max)).Select(n => (double)n)),
                (5, Gens.DoubleBetween(min, max)))
            let raw = (canonical - unit.Offset) / unit.Scale
            select (Raw: raw, Canonical: unit.ToCanonical(raw)))
            .Where(reading => double.IsFinite(reading.Raw) && reading.Canonical >= min && reading.Canonical <= max);

    private static Gen<SampleCase> Scalar(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestInstant)
           from unit in Gen.Elements(vital.AcceptedUnits.ToArray())
           from unitText in Gens.MaybeRandomCase(unit.Unit)
           from reading in Reading(unit, vital.Min, vital.Max)
           from context in Context(vital)
           from ignoredEnd in IgnoredEnd()
           from source in Source()
           from fields in Gen.Shuffle(Fields(vital, time, ignoredEnd?.Text, source.Json,
               ("value", reading.Raw), ("unit", unitText), ("context", context.Json)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, null, reading.Canonical, double.NaN, [])
               {
                   Qualifier = context.Qualifier,
                   Source = source.Kind ?? deviceSource,
               });

    private static Gen<SampleCase> Quantity(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestIntervalStart)
           from end in Gens.Optional(EndAfter(time))
           from unit in Gen.Elements(vital.AcceptedUnits.ToArray())
           from unitText in Gens.MaybeRandomCase(unit.Unit)
           from reading in Reading(unit, vital.Min, vital.Max)
           from source in Source()
           from fields in Gen.Shuffle(Fields(vital, time, end?.Text, source.Json, ("value", reading.Raw), ("unit", unitText)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, end?.Value, reading.Canonical, double.NaN, []) { Source = source.Kind ?? deviceSource });

    private static Gen<SampleCase> Series(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestInstant)
           from unit in Gen.Elements(vital.AcceptedUnits.ToArray())
           from unitText in Gens.MaybeRandomCase(unit.Unit)
           from count in Gen.Frequency((6, Gen.Choose(1, 16)), (2, Gen.Choose(17, 64)), (1, Gen.Constant(vital.MaxSeriesLength)))
           from readings in Gen.ListOf(Reading(unit, vital.Min, vital.Max), count)
           from ignoredEnd in IgnoredEnd()
           from source in Source()
           let values = new JsonArray([.. readings.Select(r => JsonValue.Create(r.Raw))])
           from fields in Gen.Shuffle(Fields(vital, time, ignoredEnd?.Text, source.Json, ("values", values), ("unit", unitText)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, null, Mean(readings), double.NaN, [.. readings.Select(r => r.Canonical)])
               {
                   Source = source.Kind ?? deviceSource,
               });

    private static Gen<SampleCase> BloodPressure(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestInstant)
           from unit in Gen.Elements(vital.AcceptedUnits.ToArray())
           from unitText in Gens.MaybeRandomCase(unit.Unit)
           from systolic in Reading(unit, vital.Min + 1, vital.Max)
           from diastolic in Reading(unit, vital.Min, systolic.Canonical - 1)
           from ignoredEnd in IgnoredEnd()
           from source in Source()
           from fields in Gen.Shuffle(Fields(vital, time, ignoredEnd?.Text, source.Json,
               ("systolic", systolic.Raw), ("diastolic", diastolic.Raw), ("unit", unitText)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, null, systolic.Canonical, diastolic.Canonical, []) { Source = source.Kind ?? deviceSource });

    private static Gen<SampleCase> Category(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestIntervalStart)
           from end in vital.RequiresEnd ? EndAfter(time).Select(e => (GeneratedTime?)e) : Gens.Optional(EndAfter(time))
           from index in Gen.Choose(0, vital.Categories.Count - 1)
           from name in Gens.MaybeRandomCase(vital.Categories[index])
           from omitted in vital.Categories.Count == 1 ? Gens.Bool : Gen.Constant(false)
           from key in vital.Shape == VitalShape.CategoryInterval ? Gen.Elements("stage", "category") : Gen.Constant("category")
           from source in Source()
           from fields in Gen.Shuffle(Fields(vital, time, end?.Text, source.Json, (key, omitted ? null : name)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, end?.Value, index, double.NaN, []) { Source = source.Kind ?? deviceSource });

    private static Gen<SampleCase> Recording(VitalDefinition vital, SourceKind deviceSource)
        => from time in Rfc3339Times.Between(Earliest, LatestIntervalStart)
           from end in EndAfter(time)
           from classification in Gen.Choose(0, vital.Categories.Count - 1)
           from name in Gens.MaybeRandomCase(vital.Categories[classification])
           from average in Gen.Frequency(
               (1, Gen.Constant<double?>(null)),
               (1, Reading(VitalCatalog.HeartRate.AcceptedUnits[0], VitalCatalog.HeartRate.Min, VitalCatalog.HeartRate.Max).Select(r => (double?)r.Canonical)))
           from unit in Gen.Elements(vital.AcceptedUnits.ToArray())
           from unitText in Gens.MaybeRandomCase(unit.Unit)
           from count in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 32)))
           from readings in Gen.ListOf(Reading(unit, vital.Min, vital.Max), count)
           from unitOmitted in count == 0 ? Gens.Bool : Gen.Constant(false)
           from source in Source()
           let values = count == 0 ? null : new JsonArray([.. readings.Select(r => JsonValue.Create(r.Raw))])
           from fields in Gen.Shuffle(Fields(vital, time, end.Text, source.Json,
               ("category", name), ("value", average), ("values", values), ("unit", unitOmitted ? null : unitText)))
           select SampleCase.Valid(new JsonObject(fields), vital,
               new VitalSample(vital.Type, time.Value, end.Value, average ?? double.NaN, classification, [.. readings.Select(r => r.Canonical)])
               {
                   Source = source.Kind ?? deviceSource,
               });

    /// <summary>An end after <paramref name="start"/> (by at least 2 s, so truncated fractions keep the order) inside the allowed skew.</summary>
    public static Gen<GeneratedTime> EndAfter(GeneratedTime start)
    {
        var latest = Envelopes.Now + Limits.MaxFutureSkew - TimeSpan.FromMinutes(1);
        var longest = start.Value + TimeSpan.FromDays(1);
        return Rfc3339Times.Between(start.Value + TimeSpan.FromSeconds(2), longest < latest ? longest : latest);
    }

    /// <summary>An end on an instantaneous reading: it carries no meaning and the decoder ignores it.</summary>
    private static Gen<GeneratedTime?> IgnoredEnd()
        => Gen.Frequency((4, Gen.Constant<GeneratedTime?>(null)), (1, Rfc3339Times.Between(Earliest, LatestInstant).Select(t => (GeneratedTime?)t)));

    private static Gen<(string? Json, byte Qualifier)> Context(VitalDefinition vital)
        => vital.Qualifiers.Count == 0
            ? Gen.Constant<(string?, byte)>((null, 0))
            : Gen.Frequency(
                (2, Gen.Constant<(string?, byte)>((null, 0))),
                (3, Gen.Choose(0, vital.Qualifiers.Count - 1).SelectMany(index =>
                    Gens.MaybeRandomCase(vital.Qualifiers[index]).Select(name => ((string?)name, (byte)index)))));

    private static Gen<(string? Json, SourceKind? Kind)> Source()
        => Gen.Frequency(
            (3, Gen.Constant<(string?, SourceKind?)>((null, null))),
            (1, Gen.Elements(SourceKinds.All.ToArray()).SelectMany(name => Gens.MaybeRandomCase(name).Select(text =>
                ((string?)text, SourceKinds.TryParse(name, out var kind) ? (SourceKind?)kind : throw new InvalidOperationException(name))))));

    /// <summary>type, time, end and source, then the vital's own fields; fields whose value is null are left out.</summary>
    private static KeyValuePair<string, JsonNode?>[] Fields(
        VitalDefinition vital, GeneratedTime time, string? end, string? source, params (string Key, object? Value)[] own)
    {
        var fields = new List<KeyValuePair<string, JsonNode?>>
        {
            new("type", vital.Code),
            new("time", time.Text),
        };
        if (end is not null)
        {
            fields.Add(new("end", end));
        }

        if (source is not null)
        {
            fields.Add(new("source", source));
        }

        foreach (var (key, value) in own)
        {
            JsonNode? node = value switch
            {
                null => null,
                JsonNode json => json,
                double number => JsonValue.Create(number),
                string text => JsonValue.Create(text),
                _ => throw new ArgumentException($"Unexpected field value {value.GetType()}.", nameof(own)),
            };
            if (node is not null)
            {
                fields.Add(new(key, node));
            }
        }

        return [.. fields];
    }

    /// <summary>The series mean exactly as a left-to-right sum divided by the count.</summary>
    private static double Mean(List<(double Raw, double Canonical)> readings)
    {
        var sum = 0.0;
        foreach (var reading in readings)
        {
            sum += reading.Canonical;
        }

        return sum / readings.Count;
    }
}
