using System.Globalization;
using System.Security;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>
/// What one top-level element of export.xml must give: a sample (compared field by field, then judged by the service,
/// which rejects it only with <see cref="ServiceReason"/>) or an importer rejection with <see cref="Reason"/>.
/// </summary>
/// <remarks>
/// Times written without an offset take the zone of the export (chosen after the record): their expected wire text is
/// <c>local:yyyy-MM-dd HH:mm:ss</c>, resolved by <see cref="Resolve"/>. A date on the calendar's edge may be refused by
/// the importer or passed on and refused by the service (too old, in the future), depending on the zone:
/// <see cref="EitherRejection"/>.
/// </remarks>
internal sealed record ExpectedOutput(EnvelopeSample? Sample, string? Source, string? Reason, string? ServiceReason = null, bool EitherRejection = false)
{
    public const string LocalPrefix = "local:";

    public static ExpectedOutput Of(EnvelopeSample sample, string? source, string? serviceReason = null) => new(sample, source, null, serviceReason);

    public static ExpectedOutput Rejected(string reason) => new(null, null, reason);

    public static string? Resolve(string? wire, TimeSpan zone)
        => wire is not null && wire.StartsWith(LocalPrefix, StringComparison.Ordinal)
            ? WireTime.Format(new DateTimeOffset(DateTime.ParseExact(wire[LocalPrefix.Length..], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), zone))
            : wire;
}

/// <summary>One element of export.xml written on one line, and what the importer must make of it.</summary>
internal sealed record RecordCase(string Xml, IReadOnlyList<ExpectedOutput> Outputs, string Description)
{
    public override string ToString() => $"{Description}: {Xml}";
}

/// <summary>An export.xml of generated records, in a context whose zone gives offsets to dates written without one.</summary>
internal sealed record ExportCase(IReadOnlyList<RecordCase> Records, TimeSpan ZoneOffset)
{
    public const int FirstRecordLine = 4;

    public TimeZoneInfo Zone => TimeZoneInfo.CreateCustomTimeZone("generated", ZoneOffset, "generated", "generated");

    public byte[] ToUtf8()
    {
        var xml = new StringBuilder()
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<HealthData locale=\"fr_FR\">\n")
            .Append(" <ExportDate value=\"2025-06-01 10:00:00 +0200\"/>\n");
        foreach (var record in Records)
        {
            xml.Append(' ').Append(record.Xml).Append('\n');
        }

        return Encoding.UTF8.GetBytes(xml.Append("</HealthData>\n").ToString());
    }

    public IEnumerable<ExportCase> Shrink()
        => Records.Count <= 1 ? [] : Records.Select((_, i) => this with { Records = [.. Records.Where((_, j) => j != i)] });

    public override string ToString()
        => $"zone {ZoneOffset}\n" + string.Join("\n", Records.Select((r, i) => $"  line {FirstRecordLine + i}: {r}"));
}

/// <summary>
/// Generates HealthKit records of every mapped type with random valid values, units (each Apple unit the map knows),
/// dates with their own offsets or none, decimal points or commas and odd source names; and the same records broken
/// one way each, with the reason the importer (or, for an impossible value it passes on, the service) must give.
/// </summary>
internal static class AppleRecordCases
{
    private const string Q = "HKQuantityTypeIdentifier";
    private const string C = "HKCategoryTypeIdentifier";

    private static readonly DateTimeOffset Earliest = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>(as written, as the importer must pass it on): no-break spaces, runs, padding, markup characters.</summary>
    private static readonly (string Raw, string? Normalized)[] Sources =
    [
        ("Apple Watch de Jean", "Apple Watch de Jean"), ("iPhone", "iPhone"), ("Apple\u00A0Watch", "Apple Watch"),
        ("  Oura  ", "Oura"), ("Withings & Co <Body+>", "Withings & Co <Body+>"), ("Zoé\u202F\u202Fphone", "Zoé phone"), ("   ", null),
    ];

    private static readonly QuantityType[] Quantities =
    [
        new(Q + "HeartRate", "heart_rate", false, [new("count/min", "/min", 1, 30, 220), new("count/s", "/min", 60, 0.5, 3.6)], HeartRate: true),
        new(Q + "RestingHeartRate", "resting_heart_rate", false, [new("count/min", "/min", 1, 35, 120)]),
        new(Q + "HeartRateVariabilitySDNN", "hrv_sdnn", false, [new("ms", "ms", 1, 5, 300), new("s", "s", 1, 0.005, 0.3)]),
        new(Q + "OxygenSaturation", "spo2", false, [new("%", "1", 1, 0.7, 1)]),
        new(Q + "RespiratoryRate", "respiratory_rate", false, [new("count/min", "/min", 1, 6, 40)]),
        new(Q + "BodyTemperature", "body_temperature", false, [new("degC", "Cel", 1, 35, 41.5), new("degF", "[degF]", 1, 95, 106)]),
        new(Q + "AppleSleepingWristTemperature", "wrist_temperature_deviation", false, [new("degC", "Cel", 1, -2.5, 2.5), new("degF", "[degF]", 1, -4.5, 4.5)]),
        new(Q + "StepCount", "steps", true, [new("count", "{steps}", 1, 1, 20_000)]),
        new(Q + "DistanceWalkingRunning", "distance", true,
            [new("m", "m", 1, 1, 10_000), new("km", "km", 1, 0.01, 40), new("mi", "[mi_i]", 1, 0.01, 25), new("ft", "[ft_i]", 1, 10, 30_000), new("cm", "m", 0.01, 100, 100_000), new("yd", "m", 0.9144, 1, 10_000)]),
        new(Q + "ActiveEnergyBurned", "active_energy", true,
            [new("kcal", "kcal", 1, 0.1, 3000), new("Cal", "kcal", 1, 0.1, 3000), new("kJ", "kJ", 1, 1, 12_000), new("cal", "kcal", 0.001, 100, 3_000_000)]),
        new(Q + "BodyMass", "body_weight", false, [new("kg", "kg", 1, 30, 200), new("g", "g", 1, 30_000, 200_000), new("lb", "[lb_av]", 1, 66, 440), new("st", "kg", 6.35029318, 5, 31)]),
    ];

    private static readonly CategoryType[] Categories =
    [
        new(C + "SleepAnalysis", "sleep_stage", Interval: true,
        [
            ("HKCategoryValueSleepAnalysisInBed", "in_bed"), ("0", "in_bed"), ("HKCategoryValueSleepAnalysisAsleepUnspecified", "asleep"),
            ("HKCategoryValueSleepAnalysisAsleep", "asleep"), ("HKCategoryValueSleepAnalysisAwake", "awake"), ("2", "awake"),
            ("HKCategoryValueSleepAnalysisAsleepCore", "light"), ("HKCategoryValueSleepAnalysisAsleepDeep", "deep"), ("HKCategoryValueSleepAnalysisAsleepREM", "rem"), ("5", "rem"),
        ]),
        new(C + "MenstrualFlow", "menstrual_flow", Interval: false,
        [
            ("HKCategoryValueMenstrualFlowUnspecified", "unspecified"), ("HKCategoryValueMenstrualFlowLight", "light"), ("3", "medium"),
            ("HKCategoryValueMenstrualFlowHeavy", "heavy"), ("HKCategoryValueMenstrualFlowNone", "none"),
        ]),
        new(C + "OvulationTestResult", "ovulation_test", Interval: false,
        [
            ("HKCategoryValueOvulationTestResultNegative", "negative"), ("HKCategoryValueOvulationTestResultPositive", "positive"),
            ("HKCategoryValueOvulationTestResultLuteinizingHormoneSurge", "luteinizing_hormone_surge"), ("4", "estrogen_surge"),
        ]),
    ];

    private static readonly (string Suffix, string Category)[] Symptoms =
        [("AbdominalCramps", "abdominal_cramps"), ("Headache", "headache"), ("Fatigue", "fatigue"), ("MoodChanges", "mood_changes"), ("HotFlashes", "hot_flashes")];

    private static readonly string[] PresentSymptomValues = ["HKCategoryValueSeverityMild", "HKCategoryValueSeverityModerate", "HKCategoryValuePresencePresent", "2", "4"];
    private static readonly string[] AbsentSymptomValues = ["HKCategoryValueSeverityNotPresent", "HKCategoryValuePresenceNotPresent", "HKCategoryValueAppetiteChangesNoChange", "1"];
    private static readonly string[] BadDates = ["yesterday", "2019-13-01 10:00:00 +0200", "2019-02-30 10:00:00 +0200", "2019-07-18T21:16:39+02:00", "18.07.2019 21:16:39 +0200", "", "2019-07-18 25:16:39 +0200", "2019-07-18 21:16:39 +2500"];
    private static readonly string[] BadNumbers = ["abc", "1,234.5", "1,2,3", "NaN", "Infinity", "-Infinity", "", "1e400", "--5", "5 bpm"];

    public static Arbitrary<ExportCase> Exports()
        => Arb.From(
            from zoneMinutes in Gen.Choose(-14 * 4, 14 * 4).Select(q => q * 15)
            from count in Gen.Choose(1, 15)
            from records in Gen.ListOf(Gen.Frequency((3, Valid()), (2, Corrupted())), count)
            select new ExportCase(records, TimeSpan.FromMinutes(zoneMinutes)),
            export => export.Shrink());

    private static Gen<RecordCase> Valid() => Gen.OneOf(Quantity(), Category(), Symptom(), BloodPressure());

    private static Gen<RecordCase> Corrupted()
        => Gen.OneOf(
            from valid in Valid()
            from type in Gen.Elements(Q + "DietaryWater", Q + "Heartrate", "HKQuantityTypeIdentifierHeartRate ", "")
            select Replace(valid, "type", type, ImportReasons.UnsupportedRecordType, $"unknown type '{type}'"),
            from valid in Valid()
            select Remove(valid, "type", ImportReasons.UnsupportedRecordType, "no type"),
            from valid in Valid()
            from date in Gen.Elements(BadDates)
            select Replace(valid, "startDate", date, ImportReasons.UnreadableRecord, $"startDate '{date}'"),
            from valid in Valid()
            select Remove(valid, "startDate", ImportReasons.UnreadableRecord, "no startDate"),
            from valid in Quantity().Where(v => v.Xml.Contains("endDate", StringComparison.Ordinal))
            from date in Gen.Elements(BadDates)
            select Replace(valid, "endDate", date, ImportReasons.UnreadableRecord, $"endDate '{date}'"),
            from valid in Quantity()
            from number in Gen.Elements(BadNumbers)
            select Replace(valid, "value", number, ImportReasons.UnreadableRecord, $"value '{number}'"),
            from valid in Quantity()
            from unit in Gen.Elements("bpm", "degK", "COUNT", "kcal ", "lbs", "")
            select Replace(valid, "unit", unit, ImportReasons.UnsupportedUnit, $"unit '{unit}'"),
            from valid in Quantity()
            select Remove(valid, "unit", ImportReasons.UnsupportedUnit, "no unit"),
            from valid in Category()
            from value in Gen.Elements("HKCategoryValueSleepAnalysisNapping", "9", "-1", "light", "")
            select Replace(valid, "value", value, ImportReasons.UnreadableRecord, $"category value '{value}'"),
            from symptom in Gen.Elements(Symptoms)
            from value in Gen.Elements(AbsentSymptomValues)
            from time in Instant()
            select new RecordCase(
                Element(C + symptom.Suffix, null, value, time.Text, time.Text, null),
                [ExpectedOutput.Rejected(AppleImportReasons.SymptomNotPresent)], $"symptom {value}"),
            from half in Gen.Elements(AppleTypeMap.Systolic, AppleTypeMap.Diastolic)
            from time in Instant()
            select new RecordCase(
                Element(half, null, "120", time.Text, time.Text, "mmHg"), [ExpectedOutput.Rejected(AppleImportReasons.BloodPressureHalf)], "half a blood pressure"),
            from time in Instant()
            from duration in Gen.Choose(0, 3600)
            select new RecordCase(
                Element(C + "SleepAnalysis", null, "HKCategoryValueSleepAnalysisAsleepDeep", time.Text, time.Write(time.Value - TimeSpan.FromSeconds(duration)), null),
                [ExpectedOutput.Rejected(ImportReasons.UnreadableRecord)], "sleep ending before it starts"),
            from time in Instant()
            from celsius in Gen.Choose(330, 370).Select(t => t / 10.0)
            select new RecordCase(
                Element(Q + "AppleSleepingWristTemperature", null, Number(celsius, false), time.Text, time.Text, "degC"),
                [ExpectedOutput.Rejected(ImportReasons.UnsupportedRecordType)], "absolute wrist temperature"),
            Implausible(),
            from time in Instant()
            from broken in Gen.Elements(
                ("<Record type=\"" + AppleTypeMap.Systolic + "\" unit=\"mmHg\" value=\"120\"/>", ImportReasons.UnreadableRecord),
                ("<Record type=\"" + AppleTypeMap.Systolic + "\" unit=\"mmHg\" value=\"120\"/><Record type=\"" + AppleTypeMap.Diastolic + "\" unit=\"kPa\" value=\"10\"/>", ImportReasons.UnsupportedUnit),
                ("<Record type=\"" + AppleTypeMap.Systolic + "\" unit=\"mmHg\" value=\"high\"/><Record type=\"" + AppleTypeMap.Diastolic + "\" unit=\"mmHg\" value=\"80\"/>", ImportReasons.UnreadableRecord))
            select new RecordCase(
                $"<Correlation type=\"{AppleTypeMap.BloodPressureCorrelation}\" startDate=\"{time.Text}\" endDate=\"{time.Text}\">{broken.Item1}</Correlation>",
                [ExpectedOutput.Rejected(broken.Item2)], "broken blood-pressure correlation"),
            from edge in Gen.Elements("0001-01-01 00:00:00", "9999-12-31 23:59:59", "0001-01-01 00:00:00 +0100", "9999-12-31 23:59:59 -0100")
            from time in Instant()
            select new RecordCase(
                Element(Q + "HeartRate", null, "70", edge, edge, "count/min"),
                [new ExpectedOutput(null, null, ImportReasons.UnreadableRecord, EitherRejection: true)], $"date at the calendar's edge '{edge}'"));

    /// <summary>A value the map passes on but the catalogue finds impossible: the service rejects the sample.</summary>
    private static Gen<RecordCase> Implausible()
        => from time in Instant()
           from bad in Gen.Elements(
               (Q + "HeartRate", "count/min", "400", "heart_rate", "/min"),
               (Q + "OxygenSaturation", "%", "1,5", "spo2", "1"),
               (Q + "RespiratoryRate", "count/min", "0", "respiratory_rate", "/min"),
               (Q + "BodyTemperature", "degF", "200", "body_temperature", "[degF]"),
               (Q + "BodyMass", "kg", "900", "body_weight", "kg"))
           select new RecordCase(
               Element(bad.Item1, null, bad.Item3, time.Text, time.Text, bad.Item2),
               [ExpectedOutput.Of(new EnvelopeSample { Type = bad.Item4, Time = time.Wire, Value = double.Parse(bad.Item3.Replace(',', '.'), CultureInfo.InvariantCulture), Unit = bad.Item5 }, null, "implausible_value")],
               $"impossible {bad.Item4} {bad.Item3}");

    private static Gen<RecordCase> Quantity()
        => from type in Gen.Elements(Quantities)
           from unit in Gen.Elements(type.Units)
           from digits in Gen.Choose(0, 3)
           from step in Gen.Choose(0, 1_000_000)
           let exact = unit.Min + ((unit.Max - unit.Min) * step / 1_000_000.0)
           let rounded = Math.Round(exact, digits)
           let value = rounded >= unit.Min && rounded <= unit.Max ? rounded : Math.Round(exact, 6)
           from comma in Gen.Elements(false, false, true)
           from time in Instant()
           from seconds in type.Interval ? Gen.Choose(0, 3 * 3600) : Gen.Constant(0)
           let end = time.Value + TimeSpan.FromSeconds(seconds)
           from source in Gen.Elements(Sources)
           from context in type.HeartRate ? Gen.Elements<string?>(null, "0", "1", "2", "3") : Gen.Constant<string?>(null)
           let metadata = context is null ? null : $"<MetadataEntry key=\"{AppleTypeMap.HeartRateMotionContextKey}\" value=\"{context}\"/>"
           select new RecordCase(
               Element(type.Type, source.Raw, Number(value, comma), time.Text, time.Write(end), unit.Apple, metadata),
               [ExpectedOutput.Of(new EnvelopeSample
               {
                   Type = type.Vital,
                   Time = time.Wire,
                   End = type.Interval && seconds > 0 ? time.WireOf(end) : null,
                   Value = unit.Scale == 1 ? value : value * unit.Scale,
                   Unit = unit.Wire,
                   Context = context switch { "1" => "resting", "2" => "active", _ => null },
               }, source.Normalized)],
               $"{type.Vital} {value} {unit.Apple}");

    private static Gen<RecordCase> Category()
        => from type in Gen.Elements(Categories)
           from value in Gen.Elements(type.Values)
           from time in Instant()
           from seconds in type.Interval ? Gen.Choose(60, 10 * 3600) : Gen.Choose(0, 24 * 3600)
           let end = time.Value + TimeSpan.FromSeconds(seconds)
           from source in Gen.Elements(Sources)
           from cycleStart in type.Vital == "menstrual_flow" ? Gen.Elements<string?>(null, "0", "1") : Gen.Constant<string?>(null)
           let metadata = cycleStart is null ? null : $"<MetadataEntry key=\"{AppleTypeMap.MenstrualCycleStartKey}\" value=\"{cycleStart}\"/>"
           let sample = new EnvelopeSample
           {
               Type = type.Vital,
               Time = time.Wire,
               End = seconds > 0 ? time.WireOf(end) : null,
               Stage = type.Interval ? value.Category : null,
               Category = type.Interval ? null : value.Category,
           }
           select new RecordCase(
               Element(type.Type, source.Raw, value.Apple, time.Text, time.Write(end), null, metadata),
               cycleStart == "1"
                   ? [ExpectedOutput.Of(sample, source.Normalized), ExpectedOutput.Of(new EnvelopeSample { Type = "menstrual_cycle_start", Time = time.Wire, Category = "start" }, source.Normalized)]
                   : [ExpectedOutput.Of(sample, source.Normalized)],
               $"{type.Vital} {value.Apple}");

    private static Gen<RecordCase> Symptom()
        => from symptom in Gen.Elements(Symptoms)
           from value in Gen.Elements(PresentSymptomValues)
           from time in Instant()
           from seconds in Gen.Choose(0, 24 * 3600)
           let end = time.Value + TimeSpan.FromSeconds(seconds)
           from source in Gen.Elements(Sources)
           select new RecordCase(
               Element(C + symptom.Suffix, source.Raw, value, time.Text, time.Write(end), null),
               [ExpectedOutput.Of(new EnvelopeSample
               {
                   Type = "menstrual_symptom",
                   Time = time.Wire,
                   End = seconds > 0 ? time.WireOf(end) : null,
                   Category = symptom.Category,
               }, source.Normalized)],
               $"symptom {symptom.Suffix} {value}");

    private static Gen<RecordCase> BloodPressure()
        => from time in Instant()
           from systolic in Gen.Choose(90, 200)
           from diastolic in Gen.Choose(40, 89)
           from source in Gen.Elements(Sources)
           from kilopascal in Gen.Elements(false, false, true)
           let unit = kilopascal ? "kPa" : "mmHg"
           let s = kilopascal ? Math.Round(systolic / 7.500617, 2) : systolic
           let d = kilopascal ? Math.Round(diastolic / 7.500617, 2) : diastolic
           select new RecordCase(
               $"<Correlation type=\"{AppleTypeMap.BloodPressureCorrelation}\"{SourceAttribute(source.Raw)} startDate=\"{time.Text}\" endDate=\"{time.Text}\">"
               + $"<Record type=\"{AppleTypeMap.Systolic}\" unit=\"{unit}\" startDate=\"{time.Text}\" endDate=\"{time.Text}\" value=\"{Number(s, false)}\"/>"
               + $"<Record type=\"{AppleTypeMap.Diastolic}\" unit=\"{unit}\" startDate=\"{time.Text}\" endDate=\"{time.Text}\" value=\"{Number(d, false)}\"/></Correlation>",
               [ExpectedOutput.Of(new EnvelopeSample
               {
                   Type = "blood_pressure",
                   Time = time.Wire,
                   Systolic = s,
                   Diastolic = d,
                   Unit = kilopascal ? "kPa" : "mm[Hg]",
               }, source.Normalized)],
               $"blood pressure {s}/{d} {unit}");

    private static Gen<AppleTime> Instant()
        => from seconds in Gen.Choose(0, (int)(Latest - Earliest).TotalSeconds)
           from quarters in Gen.Choose(-14 * 4, 14 * 4)
           from style in Gen.Choose(0, 5)
           let offset = TimeSpan.FromMinutes(quarters * 15)
           let value = (Earliest + TimeSpan.FromSeconds(seconds)).ToOffset(offset)
           select new AppleTime(Write(value, style), value, style);

    private static string Write(DateTimeOffset value, int style)
    {
        var offset = value.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal);
        var date = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return style switch
        {
            4 => date.Replace(' ', '\u00A0') + "\u00A0" + offset,
            5 => date,
            _ => $"{date} {offset}",
        };
    }

    private static string Number(double value, bool decimalComma)
    {
        var text = value.ToString("0.################", CultureInfo.InvariantCulture);
        return decimalComma ? text.Replace('.', ',') : text;
    }

    private static string Element(string type, string? source, string? value, string? start, string? end, string? unit, string? children = null)
    {
        var xml = new StringBuilder("<Record type=\"").Append(SecurityElement.Escape(type)).Append('"').Append(SourceAttribute(source));
        if (unit is not null)
        {
            xml.Append(" unit=\"").Append(SecurityElement.Escape(unit)).Append('"');
        }

        xml.Append(" creationDate=\"2025-06-01 10:00:00 +0200\"");
        foreach (var (name, text) in new[] { ("startDate", start), ("endDate", end), ("value", value) })
        {
            if (text is not null)
            {
                xml.Append(' ').Append(name).Append("=\"").Append(SecurityElement.Escape(text)).Append('"');
            }
        }

        return children is null ? xml.Append("/>").ToString() : xml.Append('>').Append(children).Append("</Record>").ToString();
    }

    private static string SourceAttribute(string? source)
        => source is null ? string.Empty : $" sourceName=\"{SecurityElement.Escape(source)}\"";

    private static RecordCase Replace(RecordCase valid, string attribute, string value, string reason, string description)
    {
        var start = valid.Xml.IndexOf($" {attribute}=\"", StringComparison.Ordinal);
        var xml = start < 0
            ? valid.Xml.Insert(valid.Xml.IndexOf(' ', StringComparison.Ordinal), $" {attribute}=\"{SecurityElement.Escape(value)}\"")
            : string.Concat(valid.Xml.AsSpan(0, start), $" {attribute}=\"{SecurityElement.Escape(value)}\"", valid.Xml.AsSpan(valid.Xml.IndexOf('"', start + attribute.Length + 3) + 1));
        return new RecordCase(xml, [ExpectedOutput.Rejected(reason)], description);
    }

    private static RecordCase Remove(RecordCase valid, string attribute, string reason, string description)
    {
        var start = valid.Xml.IndexOf($" {attribute}=\"", StringComparison.Ordinal);
        var xml = start < 0 ? valid.Xml : string.Concat(valid.Xml.AsSpan(0, start), valid.Xml.AsSpan(valid.Xml.IndexOf('"', start + attribute.Length + 3) + 1));
        return new RecordCase(xml, [ExpectedOutput.Rejected(reason)], description);
    }

    /// <summary>A date as Apple writes it (style 4: no-break spaces, 5: no offset), and the instant it stands for.</summary>
    private sealed record AppleTime(string Text, DateTimeOffset Value, int Style)
    {
        /// <summary>The sample's time: with its own offset, or (written without one) the zone's, which the case sets per export.</summary>
        public string Wire => WireOf(Value);

        public string WireOf(DateTimeOffset time)
            => Style == 5 ? ExpectedOutput.LocalPrefix + AppleRecordCases.Write(time, 5) : WireTime.Format(time);

        /// <summary>Another date of the same record, written the same way.</summary>
        public string Write(DateTimeOffset time) => AppleRecordCases.Write(time, Style);
    }

    private sealed record AppleUnitCase(string Apple, string Wire, double Scale, double Min, double Max);

    private sealed record QuantityType(string Type, string Vital, bool Interval, AppleUnitCase[] Units, bool HeartRate = false);

    private sealed record CategoryType(string Type, string Vital, bool Interval, (string Apple, string Category)[] Values);
}
