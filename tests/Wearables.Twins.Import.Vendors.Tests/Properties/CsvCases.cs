using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using static Wearables.Twins.Import.Vendors.Tests.Properties.GenericCsvRowProperties;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>Rows of the generic CSV layout, valid for every shape the importer reads, and broken one way each.</summary>
internal static class CsvCases
{
    private static readonly DateTimeOffset Earliest = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Vital, string Unit, double Min, double Max)[] Scalars =
    [
        ("heart_rate", "bpm", 30, 220), ("heart_rate", "/min", 30, 220), ("spo2", "%", 80, 100), ("respiratory_rate", "/min", 6, 40),
        ("body_temperature", "Cel", 35, 41), ("body_temperature", "[degF]", 95, 105), ("body_weight", "kg", 30, 200), ("body_weight", "[lb_av]", 66, 440),
        ("stress_score", "{score}", 0, 100), ("hrv_sdnn", "ms", 5, 300), ("wrist_temperature_deviation", "Cel", -2, 2),
    ];

    private static readonly (string Vital, string Unit, double Min, double Max)[] Quantities =
        [("steps", "{steps}", 0, 20_000), ("distance", "m", 1, 20_000), ("distance", "km", 0.01, 40), ("active_energy", "kcal", 0.5, 3000)];

    private static readonly (string Vital, string[] Names)[] Categories =
    [
        ("menstrual_flow", ["unspecified", "none", "light", "medium", "heavy"]), ("ovulation_test", ["negative", "positive", "indeterminate"]),
        ("menstrual_symptom", ["headache", "fatigue", "bloating"]),
    ];

    /// <summary>
    /// A local time that the zone's offset moves off the calendar is unreadable; in a zone where it stays on it, it is
    /// passed on and the service refuses it (too old, in the future). Either way a reason, never an exception.
    /// </summary>
    public const string CalendarEdge = "calendar_edge";

    private static readonly string[] Stages = ["awake", "light", "deep", "rem", "in_bed", "asleep"];
    private static readonly string[] BadTimes = ["yesterday", "2024-13-01T00:00:00Z", "2024-02-30 10:00", "", "01/05/2024 08:00", "2024-05-01T25:00:00+02:00", "1714550400"];
    private static readonly string[] BadNumbers = ["abc", "NaN", "Infinity", "-Infinity", "1e400", "", "12..5", "0x1F"];
    private static readonly string[] Notes = ["", "seated", "taken at rest, seated", "cuff on the \"left\" arm", "a note\non two lines", "tab\there; semicolon"];

    public static Arbitrary<CsvFile> Files()
        => Arb.From(
            from delimiter in Gen.Elements(',', ';', '\t')
            from quarters in Gen.Choose(-14 * 4, 14 * 4)
            let offset = TimeSpan.FromMinutes(quarters * 15)
            from count in Gen.Choose(1, 20)
            from rows in Gen.ListOf(Gen.Frequency((3, Valid(offset, delimiter)), (2, Broken(offset, delimiter))), count)
            select new CsvFile(delimiter, offset, rows),
            file => file.Shrink());

    private static Gen<CsvRow> Valid(TimeSpan zone, char delimiter)
        => Gen.OneOf(Scalar(zone, delimiter), Quantity(zone, delimiter), BloodPressure(zone), Series(zone), Sleep(zone), Category(zone));

    private static Gen<CsvRow> Broken(TimeSpan zone, char delimiter)
    {
        var broken = new List<Gen<CsvRow>>
        {
            from row in Valid(zone, delimiter)
            from type in Gen.Elements("weight_of_cat", "", "Heart_Rate", "ecg")
            select With(row, 1, type, ImportReasons.UnsupportedRecordType, $"type '{type}'"),
            from row in Valid(zone, delimiter)
            from time in Gen.Elements(BadTimes)
            select With(row, 0, time, ImportReasons.UnreadableRecord, $"time '{time}'"),
            from row in Gen.OneOf(Quantity(zone, delimiter), Sleep(zone))
            from end in Gen.Elements(BadTimes.Where(t => t.Length > 0).ToArray())
            select With(row, 4, end, ImportReasons.UnreadableRecord, $"end '{end}'"),
            from row in Gen.OneOf(Scalar(zone, delimiter), Quantity(zone, delimiter))
            from number in Gen.Elements(BadNumbers)
            select With(row, 2, number, ImportReasons.UnreadableRecord, $"value '{number}'"),
            from row in BloodPressure(zone)
            from value in Gen.Elements("120-80", "120/", "/80", "120/80/60", "high/low")
            select With(row, 2, value, ImportReasons.UnreadableRecord, $"blood pressure '{value}'"),
            from row in Series(zone)
            select With(row, 2, row.Fields[2] + " x", ImportReasons.UnreadableRecord, "a series value that is not a number"),
            from row in Series(zone)
            select With(row, 2, string.Join(' ', Enumerable.Repeat("800", 257)), ImportReasons.UnreadableRecord, "257 intervals"),
            from row in Gen.OneOf(Scalar(zone, delimiter), Quantity(zone, delimiter), BloodPressure(zone))
            from unit in Gen.Elements("furlong", "", "bpm2", "degC")
            select With(row, 3, unit, ImportReasons.UnsupportedUnit, $"unit '{unit}'"),
            from time in Instant(zone)
            from bad in Gen.Elements(("heart_rate", "400", "bpm"), ("spo2", "120", "%"), ("steps", "-5", "{steps}"), ("body_temperature", "20", "Cel"))
            select new CsvRow([time.Text, bad.Item1, bad.Item2, bad.Item3, string.Empty, string.Empty], null, VendorImportReasons.ImplausibleValue, $"impossible {bad.Item1} {bad.Item2}"),
            from time in Instant(zone)
            from seconds in Gen.Choose(0, 3600)
            select new CsvRow([time.Text, "steps", "100", "{steps}", time.Write(time.Value - TimeSpan.FromSeconds(seconds)), string.Empty], null, ImportReasons.UnreadableRecord, "steps ending before they start"),
            from row in Sleep(zone)
            select With(row, 4, string.Empty, ImportReasons.UnreadableRecord, "sleep without end"),
            from row in Gen.OneOf(Sleep(zone), Category(zone))
            from name in Gen.Elements("nap", "spotting", "REM sleep")
            select With(row, 2, name, ImportReasons.UnreadableRecord, $"category '{name}'"),
            from edge in Gen.Elements("0001-01-01 00:00:00", "9999-12-31 23:59:59", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00")
            select new CsvRow([edge, "heart_rate", "70", "bpm", string.Empty, string.Empty], null, CalendarEdge, $"time at the calendar's edge '{edge}'"),
        };
        if (delimiter == ',')
        {
            broken.Add(Instant(zone).Select(time => new CsvRow(
                [time.Text, "body_temperature", "36,6", "Cel", string.Empty, string.Empty], null, ImportReasons.UnreadableRecord, "a decimal comma in a comma file")));
        }

        return Gen.OneOf(broken);
    }

    private static Gen<CsvRow> Scalar(TimeSpan zone, char delimiter)
        => from kind in Gen.Elements(Scalars)
           from value in Value(kind.Min, kind.Max)
           from comma in delimiter == ',' ? Gen.Constant(false) : Gen.Elements(false, true)
           from time in Instant(zone)
           from note in Gen.Elements(Notes)
           select new CsvRow(
               [time.Text, kind.Vital, Write(value, comma), kind.Unit, string.Empty, note],
               Expect(kind.Vital, time.Wire, null, value, null, null, null, null, null, kind.Unit), null, $"{kind.Vital} {value} {kind.Unit}");

    private static Gen<CsvRow> Quantity(TimeSpan zone, char delimiter)
        => from kind in Gen.Elements(Quantities)
           from value in kind.Vital == "steps" ? Gen.Choose(0, 20_000).Select(s => (double)s) : Value(kind.Min, kind.Max)
           from comma in delimiter == ',' ? Gen.Constant(false) : Gen.Elements(false, true)
           from time in Instant(zone)
           from seconds in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 60).Select(m => m * 60)))
           let end = seconds == 0 ? null : time.Write(time.Value + TimeSpan.FromSeconds(seconds))
           select new CsvRow(
               [time.Text, kind.Vital, Write(value, comma), kind.Unit, end ?? string.Empty, string.Empty],
               Expect(kind.Vital, time.Wire, seconds == 0 ? null : time.WireOf(time.Value + TimeSpan.FromSeconds(seconds)), value, null, null, null, null, null, kind.Unit),
               null, $"{kind.Vital} {value} {kind.Unit}");

    private static Gen<CsvRow> BloodPressure(TimeSpan zone)
        => from systolic in Gen.Choose(90, 200)
           from diastolic in Gen.Choose(40, 89)
           from spaced in Gen.Elements(false, true)
           from unit in Gen.Elements("mmHg", "mm[Hg]")
           from time in Instant(zone)
           select new CsvRow(
               [time.Text, "blood_pressure", spaced ? $"{systolic} / {diastolic}" : $"{systolic}/{diastolic}", unit, string.Empty, string.Empty],
               Expect("blood_pressure", time.Wire, null, null, systolic, diastolic, null, null, null, unit), null, $"blood pressure {systolic}/{diastolic}");

    private static Gen<CsvRow> Series(TimeSpan zone)
        => from values in Gen.Choose(1, 20).SelectMany(n => Gen.ListOf(Gen.Choose(300, 2000), n))
           from separator in Gen.Elements(" ", "|", "  ")
           from time in Instant(zone)
           select new CsvRow(
               [time.Text, "rr_intervals", string.Join(separator, values), "ms", string.Empty, string.Empty],
               Expect("rr_intervals", time.Wire, null, null, null, null, string.Join('|', values), null, null, "ms"), null, $"{values.Count} intervals");

    private static Gen<CsvRow> Sleep(TimeSpan zone)
        => from stage in Gen.Elements(Stages)
           from time in Instant(zone)
           from seconds in Gen.Choose(1, 6 * 60).Select(m => m * 60)
           let end = time.Value + TimeSpan.FromSeconds(seconds)
           select new CsvRow(
               [time.Text, "sleep_stage", stage, string.Empty, time.Write(end), string.Empty],
               Expect("sleep_stage", time.Wire, time.WireOf(end), null, null, null, null, stage, null, null), null, $"sleep {stage}");

    private static Gen<CsvRow> Category(TimeSpan zone)
        => from kind in Gen.Elements(Categories)
           from name in Gen.Elements(kind.Names)
           from time in Instant(zone)
           select new CsvRow(
               [time.Text, kind.Vital, name, string.Empty, string.Empty, string.Empty],
               Expect(kind.Vital, time.Wire, null, null, null, null, null, null, name, null), null, $"{kind.Vital} {name}");

    private static Gen<double> Value(double min, double max)
        => from step in Gen.Choose(0, 100_000)
           from digits in Gen.Choose(0, 3)
           let value = Math.Round(min + ((max - min) * step / 100_000.0), digits)
           select Math.Clamp(value, min, max);

    /// <summary>An instant written as RFC 3339 (Z, ±hh:mm, ±hhmm; 'T' or a space) or as a local time in the file's zone.</summary>
    private static Gen<CsvTime> Instant(TimeSpan zone)
        => from seconds in Gen.Choose(0, (int)(Latest - Earliest).TotalSeconds)
           from quarters in Gen.Choose(-14 * 4, 14 * 4)
           from style in Gen.Choose(0, 5)
           let value = (Earliest + TimeSpan.FromSeconds(seconds)).ToOffset(style >= 4 ? zone : TimeSpan.FromMinutes(quarters * 15))
           select new CsvTime(value, style);

    private static string Write(double value, bool decimalComma)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return decimalComma ? text.Replace('.', ',') : text;
    }

    private static string Expect(string type, string time, string? end, double? value, double? systolic, double? diastolic, string? values, string? stage, string? category, string? unit)
        => string.Join(' ', type, time, end ?? "-", Number(value), Number(systolic), Number(diastolic), values ?? "-", stage ?? "-", category ?? "-", unit ?? "-");

    private static CsvRow With(CsvRow row, int field, string value, string reason, string description)
    {
        var fields = (string[])row.Fields.Clone();
        fields[field] = value;
        return new CsvRow(fields, null, reason, description);
    }

    /// <summary>Style 0–3: with an offset (Z, ±hh:mm, ±hhmm, a space before the time); 4–5: local, in the file's zone.</summary>
    private sealed record CsvTime(DateTimeOffset Value, int Style)
    {
        public string Text => Write(Value);

        public string Wire => WireOf(Value);

        /// <summary>The time as the importer must pass it on: style 5 has no seconds, so they are lost.</summary>
        public string WireOf(DateTimeOffset time) => WireTime.Format(Style == 5 ? time.AddSeconds(-time.Second) : time);

        public string Write(DateTimeOffset time)
        {
            var offset = time.ToString("zzz", CultureInfo.InvariantCulture);
            return Style switch
            {
                0 => time.Offset == TimeSpan.Zero ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                1 => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset.Replace(":", string.Empty, StringComparison.Ordinal),
                2 => time.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
                3 => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                4 => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                _ => time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            };
        }
    }
}
