using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Tests.Decoding;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Ingest.Tests.Properties;

/// <summary>
/// Ways to break one valid sample, each with the one reason the decoder must give (docs/telemetry.md, "What the
/// service answers"). Only corruptions that apply to the sample's vital are offered, so every outcome is exact.
/// </summary>
internal static class SampleCorruptions
{
    private static readonly IngestOptions Limits = new();

    /// <summary>Timestamps that are not RFC 3339 with an offset.</summary>
    public static readonly string[] BadTimes =
    [
        "2026-11-27T10:00:00", "2026-11-27T10:00:00.500", "2026-11-27", "2026-11-27 10:00:00Z", "2026-02-30T10:00:00Z",
        "2026-11-27T24:00:00Z", "2026-11-27T10:60:00Z", "2026-11-27T10:00:00+15:00", "2026-11-27T10:00:00+05",
        "2026-11-27T10:00:00+0530", "27/11/2026 10:00:00 +01:00", "1764237600", "yesterday", "", " 2026-11-27T10:00:00Z",
        "2026-11-27T10:00:00Z ", "2026-11-27T10:00:00.Z", "+002026-11-27T10:00:00Z", "2026-W48-5T10:00:00Z",
        "2026-11-27T10:00Z", "2026-11-27T10:00:00ZZ", "2026-11-27T10:00:00+05:3", "Z", "+01:00",
    ];

    private static readonly string[] UnknownTypes = ["HEART_RATE", "heart-rate", "heartrate", "Heart_Rate", "", "blood_glucose", "heart_rate ", "spo2%", "ecg\u0000"];
    private static readonly string[] JunkUnits = ["furlong", "bpm ", " kg", "mmHg2", "%%", "°K", "degC", "1/min", "per minute", "mm Hg"];
    private static readonly string[] JunkSources = ["smartwatch", "", "watch ", "tablet", "cgm", "wrist", "phone\u00A0"];
    private static readonly string[] JunkContexts = ["sleeping", "", "rest", "exercise", "resting ", "resting", "active", "unknown"];
    private static readonly string[] JunkCategories = ["nap", "", "REM sleep", "deep ", "positive?", "spotting", "0", "sinus"];
    private static readonly string[] HugeNumbers = ["1e400", "-1e400", "1.7976931348623157e308", "-1.7976931348623157e308", "1e309"];
    private static readonly double[] Overshoots = [0.001, 0.5, 1, 10, 1000, 1e9];

    private static readonly string[] StringFields = ["type", "time", "end", "unit", "stage", "category", "context", "source"];
    private static readonly string[] NumberFields = ["value", "systolic", "diastolic"];

    private static readonly string[] AllUnits = [.. VitalCatalog.All.SelectMany(v => v.AcceptedUnits).Select(u => u.Unit).Distinct()];

    /// <summary>
    /// Corrupts <paramref name="sample"/>; <paramref name="intactBefore"/> are the earlier samples left valid, which a
    /// duplicate may repeat.
    /// </summary>
    public static Gen<SampleCase> Corrupt(SampleCase sample, IReadOnlyList<SampleCase> intactBefore)
    {
        var vital = sample.Vital!;
        var json = (JsonObject)sample.Json!;
        var expected = sample.Expected!.Value;
        var options = new List<Gen<SampleCase>>
        {
            NotAnObject(sample),
            WrongJsonType(sample, json),
            UnknownType(sample, json),
            BadTime(sample, json),
            TimeOutsideTheWindow(sample, json),
            UnknownSource(sample, json),
            UnknownContext(sample, vital, json),
        };

        var needsUnit = vital.RequiresUnit && !(vital.Shape == VitalShape.Recording && json["values"] is null);
        if (needsUnit)
        {
            options.Add(UnitProblem(sample, vital, json));
        }

        if (vital.Shape is VitalShape.Scalar or VitalShape.Quantity or VitalShape.BloodPressure or VitalShape.Series)
        {
            options.Add(MissingValue(sample, vital, json));
        }

        if (vital.Shape is not (VitalShape.Category or VitalShape.CategoryInterval))
        {
            options.Add(Implausible(sample, vital, json, expected));
            options.Add(Huge(sample, vital, json));
        }

        if (vital.AcceptsEnd)
        {
            options.Add(BadInterval(sample, vital, json, expected));
        }

        if (vital.Shape is VitalShape.Series or VitalShape.Recording)
        {
            options.Add(TooLong(sample, vital, json));
        }

        if (vital.Categories.Count > 0)
        {
            options.Add(UnknownCategory(sample, vital, json));
        }

        if (intactBefore.Count > 0)
        {
            options.Add(Gen.Elements(intactBefore.ToArray()).SelectMany(Duplicate));
        }

        return Gen.OneOf(options);
    }

    private static Gen<SampleCase> NotAnObject(SampleCase sample)
        => Gen.Elements<Func<JsonNode?>>(() => 42, () => "heart_rate", () => true, () => null, () => new JsonArray(1, 2), () => new JsonArray())
            .Select(make => sample.Rejected(make(), RejectReasons.MalformedSample, "not an object"));

    /// <summary>A member of the wrong JSON type (<c>"value": "72"</c>, <c>"time": 1764237600</c>) makes the sample malformed.</summary>
    private static Gen<SampleCase> WrongJsonType(SampleCase sample, JsonObject json)
    {
        var present = json.Select(member => member.Key).ToArray();
        return from key in Gen.Elements(present)
               from wrong in WrongValueFor(key)
               select sample.Rejected(With(json, key, wrong()), RejectReasons.MalformedSample, $"\"{key}\" of the wrong JSON type");
    }

    private static Gen<Func<JsonNode?>> WrongValueFor(string key)
    {
        if (StringFields.Contains(key))
        {
            return Gen.Elements<Func<JsonNode?>>(() => 1764237600, () => false, () => new JsonObject(), () => new JsonArray("a"));
        }

        if (NumberFields.Contains(key))
        {
            return Gen.Elements<Func<JsonNode?>>(() => "72", () => "abc", () => true, () => new JsonObject(), () => new JsonArray(72));
        }

        return Gen.Elements<Func<JsonNode?>>(() => "800,900", () => 800, () => new JsonObject(), () => new JsonArray(800, "x"), () => new JsonArray(800, null));
    }

    private static Gen<SampleCase> UnknownType(SampleCase sample, JsonObject json)
        => Gen.OneOf(
            Gen.Elements(UnknownTypes).Select(type => sample.Rejected(With(json, "type", type), RejectReasons.UnknownType, $"type '{type}'")),
            Gen.Constant(sample.Rejected(With(json, "type", null), RejectReasons.UnknownType, "type null")),
            Gen.Constant(sample.Rejected(Without(json, "type"), RejectReasons.UnknownType, "no type")));

    private static Gen<SampleCase> BadTime(SampleCase sample, JsonObject json)
        => Gen.OneOf(
            Gen.Elements(BadTimes).Select(time => sample.Rejected(With(json, "time", time), RejectReasons.InvalidTimestamp, $"time '{time}'")),
            Gen.Constant(sample.Rejected(Without(json, "time"), RejectReasons.InvalidTimestamp, "no time")),
            Gen.Constant(sample.Rejected(With(json, "time", null), RejectReasons.InvalidTimestamp, "time null")));

    private static Gen<SampleCase> TimeOutsideTheWindow(SampleCase sample, JsonObject json)
    {
        var future = Rfc3339Times.Between(Envelopes.Now + Limits.MaxFutureSkew + TimeSpan.FromSeconds(1), Envelopes.Now + TimeSpan.FromDays(3650))
            .Select(t => sample.Rejected(With(json, "time", t.Text), RejectReasons.FutureTimestamp, $"time in the future {t.Text}"));
        var old = Rfc3339Times.Between(Envelopes.Now - TimeSpan.FromDays(20_000), Envelopes.Now - Limits.MaxSampleAge - TimeSpan.FromSeconds(1))
            .Select(t => sample.Rejected(With(json, "time", t.Text), RejectReasons.TooOld, $"time too old {t.Text}"));
        return Gen.OneOf(future, old);
    }

    private static Gen<SampleCase> UnknownSource(SampleCase sample, JsonObject json)
        => Gen.Elements(JunkSources).Select(source => sample.Rejected(With(json, "source", source), RejectReasons.UnknownSource, $"source '{source}'"));

    private static Gen<SampleCase> UnknownContext(SampleCase sample, VitalDefinition vital, JsonObject json)
        => Gen.Elements(JunkContexts.Where(c => !vital.TryGetQualifier(c, out _)).ToArray())
            .Select(context => sample.Rejected(With(json, "context", context), RejectReasons.UnknownContext, $"context '{context}'"));

    private static Gen<SampleCase> UnitProblem(SampleCase sample, VitalDefinition vital, JsonObject json)
        => Gen.OneOf(
            Gen.Elements(AllUnits.Concat(JunkUnits).Where(u => u.Length > 0 && !vital.TryGetUnit(u, out _)).ToArray())
                .Select(unit => sample.Rejected(With(json, "unit", unit), RejectReasons.WrongUnit, $"unit '{unit}'")),
            Gen.Constant(sample.Rejected(Without(json, "unit"), RejectReasons.MissingUnit, "no unit")),
            Gen.Constant(sample.Rejected(With(json, "unit", ""), RejectReasons.MissingUnit, "empty unit")),
            Gen.Constant(sample.Rejected(With(json, "unit", null), RejectReasons.MissingUnit, "unit null")));

    private static Gen<SampleCase> MissingValue(SampleCase sample, VitalDefinition vital, JsonObject json)
    {
        string[] keys = vital.Shape switch
        {
            VitalShape.BloodPressure => ["systolic", "diastolic"],
            VitalShape.Series => ["values"],
            _ => ["value"],
        };
        return from key in Gen.Elements(keys)
               from how in Gen.Choose(0, vital.Shape == VitalShape.Series ? 2 : 1)
               select how switch
               {
                   0 => sample.Rejected(Without(json, key), RejectReasons.MissingValue, $"no {key}"),
                   1 => sample.Rejected(With(json, key, null), RejectReasons.MissingValue, $"{key} null"),
                   _ => sample.Rejected(With(json, key, new JsonArray()), RejectReasons.MissingValue, $"{key} empty"),
               };
    }

    /// <summary>A reading outside the plausible range, written in the canonical unit so the number is what is judged.</summary>
    private static Gen<SampleCase> Implausible(SampleCase sample, VitalDefinition vital, JsonObject json, VitalSample expected)
    {
        var canonical = vital.CanonicalUnit!;
        var outside = from overshoot in Gen.Elements(Overshoots)
                      from above in Gens.Bool
                      select above ? vital.Max + overshoot : vital.Min - overshoot;
        switch (vital.Shape)
        {
            case VitalShape.BloodPressure:
                return from overshoot in Gen.Elements(Overshoots)
                       from which in Gen.Choose(0, 2)
                       let systolic = which switch { 0 => vital.Max + overshoot, _ => expected.Value }
                       let diastolic = which switch { 1 => vital.Min - overshoot, 2 => Math.Min(expected.Value + overshoot - 0.001, vital.Max), _ => expected.Value2 }
                       select sample.Rejected(
                           With(With(With(json, "systolic", systolic), "diastolic", diastolic), "unit", canonical),
                           RejectReasons.ImplausibleValue, $"blood pressure {systolic}/{diastolic}");

            case VitalShape.Series:
                return from bad in outside
                       from position in Gen.Choose(0, expected.Series.Length - 1)
                       select sample.Rejected(
                           With(With(json, "values", Numbers(expected.Series.SetItem(position, bad))), "unit", canonical),
                           RejectReasons.ImplausibleValue, $"value {bad} at position {position}");

            case VitalShape.Recording:
                var heartRate = VitalCatalog.HeartRate;
                var badAverage = from overshoot in Gen.Elements(Overshoots)
                                 from above in Gens.Bool
                                 let average = above ? heartRate.Max + overshoot : heartRate.Min - overshoot
                                 select sample.Rejected(With(json, "value", average), RejectReasons.ImplausibleValue, $"average heart rate {average}");
                var badVoltage = from bad in outside
                                 from count in Gen.Choose(1, 8)
                                 from position in Gen.Choose(0, count - 1)
                                 let values = Enumerable.Repeat(120.0, count).Select((v, i) => i == position ? bad : v)
                                 select sample.Rejected(
                                     With(With(json, "values", Numbers(values)), "unit", canonical),
                                     RejectReasons.ImplausibleValue, $"voltage {bad}");
                return Gen.OneOf(badAverage, badVoltage);

            default:
                return outside.Select(value => sample.Rejected(
                    With(With(json, "value", value), "unit", canonical), RejectReasons.ImplausibleValue, $"value {value} {canonical}"));
        }
    }

    /// <summary>Numbers JSON can write but a double cannot hold (1e400) or that dwarf any range.</summary>
    private static Gen<SampleCase> Huge(SampleCase sample, VitalDefinition vital, JsonObject json)
    {
        var huge = Gen.Elements(HugeNumbers);
        return vital.Shape switch
        {
            VitalShape.BloodPressure => from number in huge
                                        from key in Gen.Elements("systolic", "diastolic")
                                        select sample.Rejected(With(json, key, JsonNode.Parse(number)), RejectReasons.ImplausibleValue, $"{key} {number}"),
            VitalShape.Series => from number in huge
                                 from position in Gen.Choose(0, json["values"]!.AsArray().Count - 1)
                                 select sample.Rejected(
                                     With(json, "values", ReplaceAt(json["values"]!.AsArray(), position, JsonNode.Parse(number))),
                                     RejectReasons.ImplausibleValue, $"value {number} at position {position}"),
            _ => huge.Select(number => sample.Rejected(With(json, "value", JsonNode.Parse(number)), RejectReasons.ImplausibleValue, $"value {number}")),
        };
    }

    private static Gen<SampleCase> BadInterval(SampleCase sample, VitalDefinition vital, JsonObject json, VitalSample expected)
    {
        var notAfter = from before in Gens.LongBetween(0, TimeSpan.TicksPerDay)
                       from offsetMinutes in Gen.Choose(-14 * 60, 14 * 60)
                       let end = Rfc3339Times.Exact(expected.Time.AddTicks(-before).ToOffset(TimeSpan.FromMinutes(offsetMinutes)))
                       select sample.Rejected(With(json, "end", end), RejectReasons.InvalidInterval, $"end {end} not after time");
        var unreadable = Gen.Elements(BadTimes).Select(end => sample.Rejected(With(json, "end", end), RejectReasons.InvalidInterval, $"end '{end}'"));
        var future = Rfc3339Times.Between(Envelopes.Now + Limits.MaxFutureSkew + TimeSpan.FromSeconds(1), Envelopes.Now + TimeSpan.FromDays(400))
            .Select(end => sample.Rejected(With(json, "end", end.Text), RejectReasons.FutureTimestamp, $"end in the future {end.Text}"));
        var options = new List<Gen<SampleCase>> { notAfter, unreadable, future };
        if (vital.RequiresEnd)
        {
            options.Add(Gen.Constant(sample.Rejected(Without(json, "end"), RejectReasons.InvalidInterval, "no end")));
            options.Add(Gen.Constant(sample.Rejected(With(json, "end", null), RejectReasons.InvalidInterval, "end null")));
        }

        return Gen.OneOf(options);
    }

    private static Gen<SampleCase> TooLong(SampleCase sample, VitalDefinition vital, JsonObject json)
        => Gen.Choose(1, 20).Select(extra =>
        {
            var count = vital.MaxSeriesLength + extra;
            var value = vital.Shape == VitalShape.Recording ? 120.0 : 800.0;
            return sample.Rejected(
                With(With(json, "values", Numbers(Enumerable.Repeat(value, count))), "unit", vital.CanonicalUnit),
                RejectReasons.SeriesTooLong, $"{count} values");
        });

    private static Gen<SampleCase> UnknownCategory(SampleCase sample, VitalDefinition vital, JsonObject json)
    {
        var cleared = Without(json, "category", "stage");
        var key = vital.Shape == VitalShape.CategoryInterval ? Gen.Elements("stage", "category") : Gen.Constant("category");
        var named = from k in key
                    from name in Gen.Elements(JunkCategories.Where(c => !vital.TryGetCategory(c, out _)).ToArray())
                    select sample.Rejected(With(cleared, k, name), RejectReasons.UnknownCategory, $"{k} '{name}'");
        return vital.Categories.Count > 1
            ? Gen.OneOf(named, Gen.Constant(sample.Rejected(cleared, RejectReasons.UnknownCategory, "no category")))
            : named;
    }

    /// <summary>An earlier valid sample again, its time written with another offset: the same measurement, kept once.</summary>
    private static Gen<SampleCase> Duplicate(SampleCase original)
        => Rfc3339Times.SameInstantElsewhere(original.Expected!.Value.Time)
            .Select(time => original.RepeatedAs(With((JsonObject)original.Json!, "time", time)));

    private static JsonObject With(JsonObject json, string key, JsonNode? value)
    {
        var copy = (JsonObject)json.DeepClone();
        copy[key] = value;
        return copy;
    }

    private static JsonObject Without(JsonObject json, params string[] keys)
    {
        var copy = (JsonObject)json.DeepClone();
        foreach (var key in keys)
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonArray ReplaceAt(JsonArray array, int position, JsonNode? value)
    {
        var copy = (JsonArray)array.DeepClone();
        copy[position] = value;
        return copy;
    }
}
