using System.Globalization;
using System.Runtime.CompilerServices;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple;

/// <summary>The attributes of a <c>&lt;Record&gt;</c>, read once when the reader is on its start tag.</summary>
internal readonly record struct RecordHeader(int Line, string Type, string? Source, string? Unit, string? Value, string? Start, string? End)
{
    public static RecordHeader Read(XmlCursor cursor)
    {
        var reader = cursor.Reader;
        return new RecordHeader(
            cursor.Line,
            reader.GetAttribute("type") ?? "(no type)",
            AppleValues.NormalizeSource(reader.GetAttribute("sourceName")),
            reader.GetAttribute("unit"),
            reader.GetAttribute("value"),
            reader.GetAttribute("startDate"),
            reader.GetAttribute("endDate"));
    }

    public ImportRecord Reject(string reason, string problem)
        => ImportRecord.Rejected(reason, $"Line {Line}: {Type} {problem}", Source);
}

/// <summary>
/// Reads one <c>&lt;Record&gt;</c>: a quantity or category sample, its metadata entries and, for HRV, its beat
/// list. Holds one record's attributes and two metadata flags; the beat list is streamed.
/// </summary>
internal static class RecordReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        XmlCursor cursor, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = cursor.Reader;
        var header = RecordHeader.Read(cursor);
        if (!AppleTypeMap.TryGet(header.Type, out var mapped))
        {
            yield return header.Reject(ImportReasons.UnsupportedRecordType, "has no counterpart in the vitals catalogue.");
            yield break;
        }

        if (mapped.Kind == AppleRecordKind.BloodPressureHalf)
        {
            // Apple repeats every member of a correlation as a top-level record; the reading itself comes from the correlation.
            yield return header.Reject(AppleImportReasons.BloodPressureHalf,
                $"outside a blood-pressure correlation is half a reading; blood pressure is imported from {AppleTypeMap.BloodPressureCorrelation}, whose members Apple also lists on their own.");
            yield break;
        }

        if (!TryReadTimes(header, context.LocalTimeZone, out var start, out var end, out var timeProblem))
        {
            yield return timeProblem;
            yield break;
        }

        var children = cursor.Children();
        if (mapped.Kind == AppleRecordKind.HeartRateVariability)
        {
            // SDNN needs no metadata, so it goes first and the beat list streams after it.
            yield return Quantity(mapped, header, start, end);
            while (await children.NextAsync())
            {
                if (reader.LocalName == "HeartRateVariabilityMetadataList")
                {
                    await foreach (var beats in HrvBeatReader.ReadAsync(cursor, header, start, cancellationToken))
                    {
                        yield return beats;
                    }
                }
            }

            yield break;
        }

        string? motionContext = null;
        var cycleStart = false;
        while (await children.NextAsync())
        {
            if (reader.LocalName != "MetadataEntry")
            {
                continue;
            }

            switch (reader.GetAttribute("key"))
            {
                case AppleTypeMap.HeartRateMotionContextKey:
                    // HKHeartRateMotionContext: 0 not set, 1 sedentary, 2 active.
                    motionContext = reader.GetAttribute("value") switch { "1" => "resting", "2" => "active", _ => null };
                    break;
                case AppleTypeMap.MenstrualCycleStartKey:
                    cycleStart = reader.GetAttribute("value") == "1";
                    break;
            }
        }

        if (cursor.Failure is not null)
        {
            // The file broke inside this record; ExportXmlReader reports the break.
            yield break;
        }

        switch (mapped.Kind)
        {
            case AppleRecordKind.Quantity:
                yield return Quantity(mapped, header, start, end);
                break;
            case AppleRecordKind.HeartRate:
                yield return Quantity(mapped, header, start, end, motionContext);
                break;
            case AppleRecordKind.WristTemperature:
                yield return WristTemperature(mapped, header, start, end);
                break;
            case AppleRecordKind.Category:
                yield return Category(mapped, header, start, end);
                break;
            case AppleRecordKind.MenstrualFlow:
                var flow = Category(mapped, header, start, end);
                yield return flow;
                if (cycleStart && flow.Sample is not null)
                {
                    yield return ImportRecord.Of(
                        new EnvelopeSample { Type = VitalCatalog.MenstrualCycleStart.Code, Time = WireTime.Format(start), Category = "start" },
                        header.Source);
                }

                break;
            case AppleRecordKind.Symptom:
                yield return AppleTypeMap.IsAbsentSymptom(header.Value)
                    ? header.Reject(AppleImportReasons.SymptomNotPresent, $"says the symptom was not present ({header.Value ?? "no value"}); only symptoms that were present are imported.")
                    : ImportRecord.Of(Timed(mapped.Vital, start, end, s => s.Category = mapped.Symptom), header.Source);
                break;
            default:
                throw new InvalidOperationException($"Record kind {mapped.Kind} has no builder.");
        }
    }

    private static ImportRecord Quantity(AppleRecordType mapped, RecordHeader header, DateTimeOffset start, DateTimeOffset end, string? motionContext = null)
    {
        if (!TryReadQuantity(mapped, header, out var value, out var unit, out var problem))
        {
            return problem;
        }

        return ImportRecord.Of(Timed(mapped.Vital, start, end, s =>
        {
            s.Value = value;
            s.Unit = unit;
            s.Context = motionContext;
        }), header.Source);
    }

    /// <summary>
    /// HealthKit's sleeping wrist temperature is the absolute skin temperature (about 33–36 °C); the Health app
    /// shows it as a deviation from a baseline the export does not contain. Only a value that is already a
    /// deviation is imported. An absolute one is not sent as body temperature: wrist skin runs 2–4 °C below core
    /// temperature and would read as hypothermia.
    /// </summary>
    private static ImportRecord WristTemperature(AppleRecordType mapped, RecordHeader header, DateTimeOffset start, DateTimeOffset end)
    {
        if (!TryReadQuantity(mapped, header, out var value, out var unit, out var problem))
        {
            return problem;
        }

        var celsiusDifference = unit == "[degF]" ? value * 5 / 9 : value;
        if (Math.Abs(celsiusDifference) > mapped.Vital.Max)
        {
            return header.Reject(ImportReasons.UnsupportedRecordType, Invariant(
                $"value {value} {header.Unit} is an absolute wrist temperature; the catalogue keeps only the deviation from the wearer's baseline, which the export does not contain."));
        }

        return ImportRecord.Of(Timed(mapped.Vital, start, end, s =>
        {
            s.Value = value;
            s.Unit = unit;
        }), header.Source);
    }

    private static ImportRecord Category(AppleRecordType mapped, RecordHeader header, DateTimeOffset start, DateTimeOffset end)
    {
        if (header.Value is null || mapped.Categories is null || !mapped.Categories.TryGetValue(header.Value, out var category))
        {
            return header.Reject(ImportReasons.UnreadableRecord,
                $"value '{header.Value ?? "(none)"}' is not one the importer knows for this type.");
        }

        if (mapped.Vital.RequiresEnd && end <= start)
        {
            return header.Reject(ImportReasons.UnreadableRecord,
                $"ends ({header.End}) no later than it starts ({header.Start}); a {mapped.Vital.Code} needs a duration.");
        }

        var interval = mapped.Vital.Shape == VitalShape.CategoryInterval;
        return ImportRecord.Of(Timed(mapped.Vital, start, end, s =>
        {
            s.Stage = interval ? category : null;
            s.Category = interval ? null : category;
        }), header.Source);
    }

    private static bool TryReadQuantity(
        AppleRecordType mapped, RecordHeader header, out double value, out string unit, out ImportRecord problem)
    {
        unit = string.Empty;
        problem = default;
        if (!AppleValues.TryParseNumber(header.Value, out value))
        {
            problem = header.Reject(ImportReasons.UnreadableRecord, header.Value is null
                ? "has no value."
                : $"value '{header.Value}' is not a number.");
            return false;
        }

        if (header.Unit is null || mapped.Units is null || !mapped.Units.TryGetValue(header.Unit, out var appleUnit))
        {
            problem = header.Reject(ImportReasons.UnsupportedUnit,
                $"unit '{header.Unit ?? "(none)"}' is not one the importer maps to {mapped.Vital.Code} (known: {string.Join(", ", mapped.Units?.Keys ?? [])}).");
            return false;
        }

        value = appleUnit.Scale == 1 ? value : value * appleUnit.Scale;
        unit = appleUnit.Wire;
        return true;
    }

    /// <summary>
    /// Instant vitals take the record's start; quantities (steps, distance, energy) and categories keep
    /// start..end when the record lasts; Apple writes end = start for instant readings.
    /// </summary>
    private static EnvelopeSample Timed(VitalDefinition vital, DateTimeOffset start, DateTimeOffset end, Action<EnvelopeSample> fill)
    {
        var sample = new EnvelopeSample
        {
            Type = vital.Code,
            Time = WireTime.Format(start),
            End = vital.AcceptsEnd && end > start ? WireTime.Format(end) : null,
        };
        fill(sample);
        return sample;
    }

    private static bool TryReadTimes(RecordHeader header, TimeZoneInfo zone, out DateTimeOffset start, out DateTimeOffset end, out ImportRecord problem)
    {
        problem = default;
        end = default;
        if (!AppleValues.TryParseDate(header.Start, zone, out start))
        {
            problem = header.Reject(ImportReasons.UnreadableRecord,
                $"startDate '{header.Start ?? "(none)"}' is not a date like 2019-07-18 21:16:39 +0200.");
            return false;
        }

        if (header.End is null)
        {
            end = start;
            return true;
        }

        if (!AppleValues.TryParseDate(header.End, zone, out end))
        {
            problem = header.Reject(ImportReasons.UnreadableRecord,
                $"endDate '{header.End}' is not a date like 2019-07-18 21:16:39 +0200.");
            return false;
        }

        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
