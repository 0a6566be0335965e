using System.Globalization;
using System.Runtime.CompilerServices;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Turns an HRV record's <c>&lt;HeartRateVariabilityMetadataList&gt;</c> into rr_intervals samples.
/// <para>
/// Each <c>InstantaneousBeatsPerMinute</c> becomes one RR interval of 60000 / bpm ms. The beat times are not
/// differenced: Apple leaves out beats it could not trust, so consecutive entries are often seconds apart
/// (08:33:44,67 → 08:33:48,87) and their difference is not one interval. The bpm is a whole number, so an
/// interval is good to about ±0.5 bpm (±7 ms at 75 /min); it is rounded to 0.1 ms.
/// </para>
/// <para>
/// Intervals are sent in chunks of at most the catalogue's series length (256), each timed at its first beat;
/// only one chunk is held at a time, so a list of any length streams.
/// </para>
/// </summary>
internal static class HrvBeatReader
{
    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        XmlCursor cursor, RecordHeader record, DateTimeOffset start, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = cursor.Reader;
        var vital = VitalCatalog.RrIntervals;
        var chunk = new List<double>();
        var chunkStart = start;
        var children = cursor.Children();
        while (await children.NextAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.LocalName != "InstantaneousBeatsPerMinute")
            {
                continue;
            }

            var line = cursor.Line;
            var bpmText = reader.GetAttribute("bpm");
            var timeText = reader.GetAttribute("time");
            if (!AppleValues.TryParseNumber(bpmText, out var bpm) || !AppleValues.TryParseTimeOfDay(timeText, out var timeOfDay))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord,
                    $"Line {line}: beat of {record.Type} (record at line {record.Line}) has bpm '{bpmText}' and time '{timeText}'; a number and a clock time are expected.",
                    record.Source);
                continue;
            }

            var interval = bpm > 0 ? Math.Round(60_000 / bpm, 1) : double.PositiveInfinity;
            if (!vital.IsPlausible(interval))
            {
                yield return ImportRecord.Rejected(AppleImportReasons.ImplausibleValue, string.Create(CultureInfo.InvariantCulture,
                    $"Line {line}: beat of {record.Type} (record at line {record.Line}) at {bpm} /min gives an RR interval outside {vital.Min}–{vital.Max} ms."),
                    record.Source);
                continue;
            }

            if (chunk.Count == 0)
            {
                chunkStart = BeatTime(start, timeOfDay);
            }

            chunk.Add(interval);
            if (chunk.Count == vital.MaxSeriesLength)
            {
                yield return Sample(chunk, chunkStart, record.Source);
                chunk = [];
            }
        }

        if (chunk.Count > 0 && cursor.Failure is null)
        {
            yield return Sample(chunk, chunkStart, record.Source);
        }
    }

    /// <summary>
    /// A beat carries only a clock time: it takes the record's date and offset, moved a day when that puts it more
    /// than 12 hours from the record's start (a measurement across midnight).
    /// </summary>
    internal static DateTimeOffset BeatTime(DateTimeOffset recordStart, TimeSpan timeOfDay)
    {
        var beat = new DateTimeOffset(recordStart.DateTime.Date + timeOfDay, recordStart.Offset);
        if (beat < recordStart - TimeSpan.FromHours(12))
        {
            return beat.AddDays(1);
        }

        return beat > recordStart + TimeSpan.FromHours(12) ? beat.AddDays(-1) : beat;
    }

    private static ImportRecord Sample(List<double> intervals, DateTimeOffset time, string? source)
        => ImportRecord.Of(new EnvelopeSample
        {
            Type = VitalCatalog.RrIntervals.Code,
            Time = WireTime.Format(time),
            Values = intervals,
            Unit = "ms",
        }, source);
}
