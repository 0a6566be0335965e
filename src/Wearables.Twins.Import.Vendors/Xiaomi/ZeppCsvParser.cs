using System.Globalization;
using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Xiaomi;

/// <summary>
/// The CSV files of a Mi Fitness / Zepp Life account export, recognised by their header:
/// <list type="bullet">
/// <item><c>HEARTRATE_AUTO_*.csv</c> / <c>HEARTRATE_*.csv</c>: <c>date,time,heartRate</c>, the band's local time without offset.</item>
/// <item><c>ACTIVITY_MINUTE_*.csv</c>: <c>date,time,steps</c>, one row a minute, local time.</item>
/// <item><c>ACTIVITY_*.csv</c>: <c>date,[lastSyncTime,]steps,distance,runDistance,calories</c>, one row a local day.</item>
/// <item><c>SLEEP_*.csv</c>: <c>date,[lastSyncTime,]deepSleepTime,shallowSleepTime,wakeTime,start,stop[,REMTime,naps]</c>
/// with <c>start</c>/<c>stop</c> in UTC (<c>2023-02-18 02:13:00+0000</c>).</item>
/// </list>
/// Local times get the offset of <see cref="ImportContext.LocalTimeZone"/> at that moment (<see cref="WireTime.InZone"/>).
/// </summary>
internal static class ZeppCsvParser
{
    private enum Kind
    {
        HeartRate,
        MinuteSteps,
        DailyActivity,
        Sleep,
    }

    public static bool Recognises(ReadOnlySpan<byte> head)
        => FileHead.FirstSignificant(head) != '\0' && KindOf(FileHead.HeaderColumns(FileHead.FirstLine(head), ',')) is not null;

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(stream);
        var csv = new CsvReader(lines, ',');
        var header = await csv.ReadAsync(cancellationToken);
        var columns = header is { Error: null } ? Columns.Of(header.Fields) : null;
        var kind = columns is null ? null : KindOf(header!.Fields);
        if (columns is null || kind is null)
        {
            throw new InvalidDataException(
                "Not a Zepp / Mi Fitness export CSV: the header must be date,time,heartRate, date,time,steps, "
                + "date,steps,distance,runDistance,calories or date,deepSleepTime,shallowSleepTime,wakeTime,start,stop.");
        }

        var zone = context.LocalTimeZone;
        while (await csv.ReadAsync(cancellationToken) is { } row)
        {
            if (row.Error is { } error)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: {error}.");
                continue;
            }

            switch (kind)
            {
                case Kind.HeartRate:
                    yield return HeartRate(row, columns, zone);
                    break;
                case Kind.MinuteSteps:
                    yield return MinuteSteps(row, columns, zone);
                    break;
                case Kind.DailyActivity:
                    foreach (var record in DailyActivity(row, columns, zone))
                    {
                        yield return record;
                    }

                    break;
                default:
                    yield return Sleep(row, columns, zone);
                    break;
            }
        }
    }

    private static Kind? KindOf(IReadOnlyList<string> header)
    {
        var names = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        if (names.Contains("date") && names.Contains("time") && names.Contains("heartRate"))
        {
            return Kind.HeartRate;
        }

        if (names.Contains("date") && names.Contains("time") && names.Contains("steps") && names.Count == 3)
        {
            return Kind.MinuteSteps;
        }

        if (names.Contains("date") && names.Contains("steps") && names.Contains("distance") && names.Contains("runDistance"))
        {
            return Kind.DailyActivity;
        }

        return names.Contains("date") && names.Contains("deepSleepTime") && names.Contains("shallowSleepTime")
            && names.Contains("start") && names.Contains("stop")
            ? Kind.Sleep
            : null;
    }

    private static ImportRecord HeartRate(CsvRecord row, Columns columns, TimeZoneInfo zone)
    {
        if (!TryLocalTime(row, columns, out var local))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable date/time.");
        }

        var text = columns.Get(row, "heartRate");
        if (IsMissing(text) || (Numbers.TryParse(text, out var missing) && missing == 0))
        {
            return ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{row.Location}: no heart rate recorded.");
        }

        return Numbers.TryParse(text, out var bpm)
            ? Samples.Emit(Samples.Scalar(VitalCatalog.HeartRate, WireTime.InZone(local, zone), bpm, "/min"), row.Location)
            : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: heart rate '{text}' is not a number.");
    }

    private static ImportRecord MinuteSteps(CsvRecord row, Columns columns, TimeZoneInfo zone)
    {
        if (!TryLocalTime(row, columns, out var local) || !Numbers.TryParse(columns.Get(row, "steps"), out var steps))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable date, time or steps.");
        }

        // The interval is one minute of elapsed time, whatever the clock does at a daylight-saving change.
        var start = WireTime.InZone(local, zone);
        return Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, start.AddMinutes(1), steps, "{steps}"), row.Location);
    }

    /// <summary>
    /// One row is one local day: steps and distance (metres) over the day. <c>runDistance</c> is part of
    /// <c>distance</c> and <c>calories</c> does not say whether it includes the basal rate, so neither is imported.
    /// </summary>
    private static IEnumerable<ImportRecord> DailyActivity(CsvRecord row, Columns columns, TimeZoneInfo zone)
    {
        if (!DateOnly.TryParseExact(columns.Get(row, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !WireTime.IsPlaceable(day.ToDateTime(TimeOnly.MinValue)))
        {
            yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable date '{columns.Get(row, "date")}'.");
            yield break;
        }

        var start = WireTime.InZone(day.ToDateTime(TimeOnly.MinValue), zone);
        var end = WireTime.InZone(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        yield return Numbers.TryParse(columns.Get(row, "steps"), out var steps)
            ? Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, end, steps, "{steps}"), $"{row.Location} (steps)")
            : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable steps '{columns.Get(row, "steps")}'.");
        yield return Numbers.TryParse(columns.Get(row, "distance"), out var metres)
            ? Samples.Emit(Samples.Quantity(VitalCatalog.Distance, start, end, metres, "m"), $"{row.Location} (distance)")
            : ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable distance '{columns.Get(row, "distance")}'.");
    }

    /// <summary>
    /// A night becomes one <c>in_bed</c> interval from <c>start</c> to <c>stop</c>: the file gives the minutes of
    /// deep, light and REM sleep but not when they happened, so no stage can be placed in time. A night whose start
    /// equals its stop is the app's placeholder for "no sleep recorded".
    /// </summary>
    private static ImportRecord Sleep(CsvRecord row, Columns columns, TimeZoneInfo zone)
    {
        if (!TryTime(columns.Get(row, "start"), zone, out var start) || !TryTime(columns.Get(row, "stop"), zone, out var stop))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{row.Location}: unreadable start or stop.");
        }

        if (stop <= start)
        {
            return ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{row.Location}: no sleep recorded for {columns.Get(row, "date")}.");
        }

        return Samples.Emit(Samples.SleepStage(Times.InZone(start, zone), Times.InZone(stop, zone), "in_bed"), row.Location);
    }

    private static bool TryLocalTime(CsvRecord row, Columns columns, out DateTime local)
    {
        local = default;
        var date = columns.Get(row, "date");
        var time = columns.Get(row, "time");
        return date is not null && time is not null
            && DateTime.TryParseExact($"{date.Trim()} {time.Trim()}", ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            && WireTime.IsPlaceable(local);
    }

    private static bool TryTime(string? text, TimeZoneInfo zone, out DateTimeOffset time)
    {
        if (Times.TryParseWithOffset(text, out time))
        {
            return true;
        }

        if (Times.TryParseLocal(text, out var local))
        {
            time = WireTime.InZone(local, zone);
            return true;
        }

        return false;
    }

    private static bool IsMissing(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Equals("null", StringComparison.OrdinalIgnoreCase);
}
