using System.Runtime.CompilerServices;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Reads one <c>&lt;Correlation&gt;</c>. A blood-pressure correlation is the only place where systolic and
/// diastolic are known to belong together, so it becomes the one blood_pressure sample; other correlations
/// (food) are not vitals. Holds the correlation's attributes and the two halves' value and unit.
/// </summary>
internal static class CorrelationReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        XmlCursor cursor, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = cursor.Reader;
        var header = RecordHeader.Read(cursor);
        if (header.Type != AppleTypeMap.BloodPressureCorrelation)
        {
            yield return header.Reject(ImportReasons.UnsupportedRecordType, "(a correlation) has no counterpart in the vitals catalogue.");
            yield break;
        }

        (string? Value, string? Unit) systolic = default, diastolic = default;
        var children = cursor.Children();
        while (await children.NextAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.LocalName != "Record")
            {
                continue;
            }

            switch (reader.GetAttribute("type"))
            {
                case AppleTypeMap.Systolic:
                    systolic = (reader.GetAttribute("value"), reader.GetAttribute("unit"));
                    break;
                case AppleTypeMap.Diastolic:
                    diastolic = (reader.GetAttribute("value"), reader.GetAttribute("unit"));
                    break;
            }
        }

        if (cursor.Failure is not null)
        {
            yield break;
        }

        yield return BloodPressure(header, context, systolic, diastolic);
    }

    private static ImportRecord BloodPressure(
        RecordHeader header, ImportContext context, (string? Value, string? Unit) systolic, (string? Value, string? Unit) diastolic)
    {
        if (!AppleValues.TryParseDate(header.Start, context.LocalTimeZone, out var time))
        {
            return header.Reject(ImportReasons.UnreadableRecord,
                $"startDate '{header.Start ?? "(none)"}' is not a date like 2019-07-18 21:16:39 +0200.");
        }

        if (!AppleValues.TryParseNumber(systolic.Value, out var systolicValue) || !AppleValues.TryParseNumber(diastolic.Value, out var diastolicValue))
        {
            return header.Reject(ImportReasons.UnreadableRecord,
                $"needs a systolic and a diastolic number; it holds systolic '{systolic.Value ?? "(none)"}' and diastolic '{diastolic.Value ?? "(none)"}'.");
        }

        if (systolic.Unit != diastolic.Unit || systolic.Unit is null || !AppleTypeMap.Pressure.TryGetValue(systolic.Unit, out var unit))
        {
            return header.Reject(ImportReasons.UnsupportedUnit,
                $"units '{systolic.Unit}' and '{diastolic.Unit}' are not one pressure unit the importer maps (known: {string.Join(", ", AppleTypeMap.Pressure.Keys)}).");
        }

        return ImportRecord.Of(new EnvelopeSample
        {
            Type = VitalCatalog.BloodPressure.Code,
            Time = WireTime.Format(time),
            Systolic = systolicValue,
            Diastolic = diastolicValue,
            Unit = unit.Wire,
        }, header.Source);
    }
}
