using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Fitbit;

/// <summary>
/// Fitbit account export JSON (also found in Google Takeout's Fitbit folder): one file a day or a month, a root
/// array of <c>{"dateTime": "04/12/16 07:00:05", "value": …}</c>. <c>heart_rate-YYYY-MM-DD.json</c> has
/// <c>value: {"bpm": 67, "confidence": 2}</c> (every few seconds); <c>steps-YYYY-MM-DD.json</c> has
/// <c>value: "12"</c> (steps in the minute starting at dateTime). Other files of the same shape (calories, distance,
/// altitude) cannot be told apart by their content and are refused as unsupported. Times have no offset: they get
/// the one of <see cref="ImportContext.LocalTimeZone"/>.
/// </summary>
internal static class FitbitJsonParser
{
    private static readonly string[] Formats =
    [
        "MM/dd/yy HH:mm:ss", "M/d/yy H:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF", "yyyy-MM-dd HH:mm:ss",
    ];

    private enum Kind
    {
        Unknown,
        HeartRate,
        Steps,
    }

    public static bool Recognises(ReadOnlySpan<byte> head)
    {
        if (FileHead.FirstSignificant(head) != '[')
        {
            return false;
        }

        var text = FileHead.Text(head);
        return text.Contains("\"dateTime\"", StringComparison.Ordinal) && text.Contains("\"value\"", StringComparison.Ordinal);
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, string fileName, ImportContext context, FitbitImportState state,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kind = KindOfFile(fileName);
        var prefix = string.IsNullOrEmpty(fileName) ? string.Empty : FileHead.BaseName(fileName) + " ";
        var items = JsonItemReader.ReadAsync(stream, name => name is null, rootValuesAreItems: false, 64 * 1024, cancellationToken);
        await foreach (var item in items)
        {
            var where = prefix + item.Location;
            if (item.Error is { } error)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {error}");
                yield break;
            }

            yield return JsonText.IsReadable(item.Element)
                ? Read(item.Element, kind, where, state, context.LocalTimeZone)
                : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {JsonText.Problem}.");
        }
    }

    private static Kind KindOfFile(string fileName)
    {
        var name = FileHead.BaseName(fileName);
        return name.StartsWith("heart_rate-", StringComparison.OrdinalIgnoreCase) ? Kind.HeartRate
            : name.StartsWith("steps-", StringComparison.OrdinalIgnoreCase) ? Kind.Steps
            : Kind.Unknown;
    }

    private static ImportRecord Read(JsonElement entry, Kind kind, string where, FitbitImportState state, TimeZoneInfo zone)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dateTime", out var dateTime) || dateTime.ValueKind != JsonValueKind.String
            || !DateTime.TryParseExact(dateTime.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !WireTime.IsPlaceable(local))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: no readable \"dateTime\".");
        }

        if (!entry.TryGetProperty("value", out var value))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: no \"value\".");
        }

        // A heart-rate entry says so itself; a bare number needs the file name to say what it counts.
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.TryGetProperty("bpm", out var bpm) && Number(bpm) is { } beats
                ? Samples.Emit(Samples.Scalar(VitalCatalog.HeartRate, WireTime.InZone(local, zone), beats, "/min"), where)
                : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: \"value\" has no readable \"bpm\".");
        }

        if (kind != Kind.Steps)
        {
            return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType,
                $"{where}: a bare value in a file not named steps-*.json (calories, distance, altitude, …) has no vital this importer maps.");
        }

        if (Number(value) is not { } steps)
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: \"value\" is not a number of steps.");
        }

        state.CoverMinute(local);
        var start = WireTime.InZone(local, zone);
        return Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, start.AddMinutes(1), steps, "{steps}"), where);
    }

    private static double? Number(JsonElement value)
        => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when Numbers.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
}
