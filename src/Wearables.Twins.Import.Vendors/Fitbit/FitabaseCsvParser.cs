using System.Globalization;
using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Fitbit;

/// <summary>
/// Fitabase CSV files (the research export of Fitbit data), recognised by their header. Times are the tracker's
/// local time without offset ("4/12/2016 12:00:00 AM"); they get the offset of
/// <see cref="ImportContext.LocalTimeZone"/> at that moment. Every row names its participant (<c>Id</c>): these
/// files usually hold many people, and only the first participant's rows are imported.
/// </summary>
internal static class FitabaseCsvParser
{
    private static readonly string[] MomentFormats = ["M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "M/d/yyyy H:mm"];

    public enum Kind
    {
        /// <summary><c>minuteStepsNarrow_merged.csv</c>: Id,ActivityMinute,Steps.</summary>
        MinuteSteps,

        /// <summary><c>heartrate_seconds_merged.csv</c>: Id,Time,Value.</summary>
        HeartRateSeconds,

        /// <summary><c>hourlySteps_merged.csv</c>: Id,ActivityHour,StepTotal.</summary>
        HourlySteps,

        /// <summary><c>dailySteps_merged.csv</c>: Id,ActivityDay,StepTotal.</summary>
        DailySteps,

        /// <summary><c>dailyActivity_merged.csv</c>: Id,ActivityDate,TotalSteps,TotalDistance (km),…</summary>
        DailyActivity,
    }

    public static bool Recognises(ReadOnlySpan<byte> head) => KindOf(FileHead.HeaderColumns(FileHead.FirstLine(head), ',')) is not null;

    public static Kind? KindOf(IReadOnlyList<string> header)
    {
        var names = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("Id"))
        {
            return null;
        }

        return names switch
        {
            _ when names.Contains("ActivityMinute") && names.Contains("Steps") => Kind.MinuteSteps,
            _ when names.Contains("Time") && names.Contains("Value") && names.Count == 3 => Kind.HeartRateSeconds,
            _ when names.Contains("ActivityHour") && names.Contains("StepTotal") => Kind.HourlySteps,
            _ when names.Contains("ActivityDay") && names.Contains("StepTotal") => Kind.DailySteps,
            _ when names.Contains("ActivityDate") && names.Contains("TotalSteps") => Kind.DailyActivity,
            _ => null,
        };
    }

    /// <summary>
    /// Reads one file. <paramref name="entry"/> names the archive entry (for locations) when the file is part of an
    /// archive; an unknown header then rejects the entry instead of failing the whole import.
    /// </summary>
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, FitbitImportState state, string? entry,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(stream);
        var csv = new CsvReader(lines, ',');
        var header = await csv.ReadAsync(cancellationToken);
        var kind = header is { Error: null } ? KindOf(header.Fields) : null;
        if (header is null || kind is null)
        {
            const string Expected = "Id,ActivityMinute,Steps / Id,Time,Value / Id,ActivityHour,StepTotal / Id,ActivityDay,StepTotal / Id,ActivityDate,TotalSteps,…";
            if (entry is null)
            {
                throw new InvalidDataException($"Not a Fitabase CSV: the header must be one of {Expected}.");
            }

            yield return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType, $"{entry}: not a Fitabase file this importer reads ({Expected}).");
            yield break;
        }

        var columns = Columns.Of(header.Fields);
        var prefix = entry is null ? string.Empty : entry + " ";
        while (await csv.ReadAsync(cancellationToken) is { } row)
        {
            var where = prefix + row.Location;
            if (row.Error is { } error)
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: {error}.");
                continue;
            }

            var id = columns.Get(row, "Id")?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: no participant Id.");
                continue;
            }

            var source = $"Fitabase participant {id}";
            if (!state.Accepts(id))
            {
                yield return ImportRecord.Rejected(VendorImportReasons.OtherParticipant,
                    $"{where}: participant {id}; this import takes participant {state.Participant}'s rows only.", source);
                continue;
            }

            switch (kind)
            {
                case Kind.MinuteSteps:
                    yield return Moment(row, columns, "ActivityMinute", "Steps", where, source, context.LocalTimeZone,
                        (local, start, steps) =>
                        {
                            state.CoverMinute(local);
                            return Samples.Quantity(VitalCatalog.Steps, start, start.AddMinutes(1), steps, "{steps}");
                        });
                    break;

                case Kind.HeartRateSeconds:
                    yield return Moment(row, columns, "Time", "Value", where, source, context.LocalTimeZone,
                        (_, time, bpm) => Samples.Scalar(VitalCatalog.HeartRate, time, bpm, "/min"));
                    break;

                case Kind.HourlySteps:
                    if (TryMoment(columns.Get(row, "ActivityHour"), out var hour) && state.HasMinutesIn(hour))
                    {
                        yield return ImportRecord.Rejected(VendorImportReasons.SupersededByFinerData,
                            $"{where}: the upload has minute steps for this hour; the hourly total is not counted again.", source);
                        break;
                    }

                    yield return Moment(row, columns, "ActivityHour", "StepTotal", where, source, context.LocalTimeZone,
                        (local, start, steps) =>
                        {
                            state.CoverHour(local);
                            return Samples.Quantity(VitalCatalog.Steps, start, start.AddHours(1), steps, "{steps}");
                        });
                    break;

                case Kind.DailySteps:
                    yield return DailySteps(row, columns, "ActivityDay", "StepTotal", where, source, state, context.LocalTimeZone);
                    break;

                default:
                    yield return DailySteps(row, columns, "ActivityDate", "TotalSteps", where, source, state, context.LocalTimeZone);
                    yield return DailyDistance(row, columns, where, source, context.LocalTimeZone);
                    break;
            }
        }
    }

    private static ImportRecord Moment(
        CsvRecord row, Columns columns, string timeColumn, string valueColumn, string where, string source, TimeZoneInfo zone,
        Func<DateTime, DateTimeOffset, double, EnvelopeSample> build)
    {
        var timeText = columns.Get(row, timeColumn);
        if (!TryMoment(timeText, out var local))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: unreadable {timeColumn} '{timeText}'.", source);
        }

        var valueText = columns.Get(row, valueColumn);
        if (!Numbers.TryParse(valueText, out var value))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: unreadable {valueColumn} '{valueText}'.", source);
        }

        return Samples.Emit(build(local, WireTime.InZone(local, zone), value), where, source);
    }

    /// <summary>
    /// A day's total, as steps over the whole local day (00:00 to the next 00:00, 23 or 25 hours on a
    /// daylight-saving day) — unless the same archive has hourly or minute steps that day: they are the finer data
    /// and already add up to the day (Fitbit's daily total differs from them by a few steps), so the total is left out.
    /// </summary>
    private static ImportRecord DailySteps(
        CsvRecord row, Columns columns, string dayColumn, string stepsColumn, string where, string source,
        FitbitImportState state, TimeZoneInfo zone)
    {
        var dayText = columns.Get(row, dayColumn);
        if (!TryDay(dayText, out var day))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: unreadable {dayColumn} '{dayText}'.", source);
        }

        if (state.HasFinerDataOn(day))
        {
            return ImportRecord.Rejected(VendorImportReasons.SupersededByFinerData,
                $"{where}: the upload has hourly or minute steps for {day:yyyy-MM-dd}; the daily total is not counted again.", source);
        }

        var stepsText = columns.Get(row, stepsColumn);
        if (!Numbers.TryParse(stepsText, out var steps))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: unreadable {stepsColumn} '{stepsText}'.", source);
        }

        var (start, end) = DayBounds(day, zone);
        return Samples.Emit(Samples.Quantity(VitalCatalog.Steps, start, end, steps, "{steps}"), where, source);
    }

    /// <summary>TotalDistance (kilometres) over the day; no finer distance exists in these files, so nothing is counted twice.</summary>
    private static ImportRecord DailyDistance(CsvRecord row, Columns columns, string where, string source, TimeZoneInfo zone)
    {
        var dayText = columns.Get(row, "ActivityDate");
        var distanceText = columns.Get(row, "TotalDistance");
        if (!TryDay(dayText, out var day) || !Numbers.TryParse(distanceText, out var kilometres))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: unreadable ActivityDate or TotalDistance.", source);
        }

        var (start, end) = DayBounds(day, zone);
        return Samples.Emit(Samples.Quantity(VitalCatalog.Distance, start, end, kilometres, "km"), $"{where} (distance)", source);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly day, TimeZoneInfo zone)
        => (WireTime.InZone(day.ToDateTime(TimeOnly.MinValue), zone), WireTime.InZone(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    private static bool TryMoment(string? text, out DateTime local)
        => DateTime.TryParseExact(text?.Trim(), MomentFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            && WireTime.IsPlaceable(local);

    private static bool TryDay(string? text, out DateOnly day)
        => DateOnly.TryParseExact(text?.Trim(), ["M/d/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && WireTime.IsPlaceable(day.ToDateTime(TimeOnly.MinValue));
}
