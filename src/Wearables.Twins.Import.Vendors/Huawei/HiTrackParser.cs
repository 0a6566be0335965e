using System.Runtime.CompilerServices;
using Wearables.Twins.Import.Vendors.Common;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Vendors.Huawei;

/// <summary>
/// Reads a raw HiTrack workout file: one <c>tp=&lt;type&gt;;k=&lt;key&gt;;v=&lt;value&gt;;</c> record per line
/// (GPS lines carry <c>lat</c>, <c>lon</c>, <c>alt</c>, <c>t</c> instead of <c>v</c>). Heart rate (<c>h-r</c>: k a
/// Unix time, v beats per minute) and step rate (<c>s-r</c>: k a Unix time, v steps per minute) are imported; every
/// other line (GPS, pace, speed, …) is one <c>unsupported_record_type</c> record, so the report counts them.
/// </summary>
internal static class HiTrackParser
{
    /// <summary>A step rate holds until the next one, and for a minute at most (the watch writes one a minute).</summary>
    private static readonly TimeSpan StepRateSpan = TimeSpan.FromMinutes(1);

    /// <summary>Anything before this is a workout offset in a field we expected a time in, not a date.</summary>
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> KnownUnsupported = new(StringComparer.Ordinal)
    {
        ["lbs"] = "GPS location",
        ["p-m"] = "pace per kilometre",
        ["b-p-m"] = "best pace",
        ["rs"] = "speed",
        ["alti"] = "altitude",
        ["cad"] = "cadence",
        ["swf"] = "swimming SWOLF",
        ["srf"] = "swimming stroke rate",
    };

    public static bool Recognises(ReadOnlySpan<byte> head)
    {
        var line = FileHead.FirstLine(head).TrimStart();
        return line.StartsWith("tp=", StringComparison.Ordinal) && line.Contains(";k=", StringComparison.Ordinal);
    }

    public static async IAsyncEnumerable<ImportRecord> ReadAsync(
        Stream stream, ImportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new LineReader(stream, maxLineChars: 64 * 1024);
        PendingStepRate? pending = null;
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line.Text))
            {
                continue;
            }

            var where = $"line {line.Number}";
            if (line.TooLong || !TryParse(line.Text, out var fields) || !fields.TryGetValue("tp", out var type))
            {
                yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: not a 'tp=…;k=…;v=…;' HiTrack line.");
                continue;
            }

            switch (type)
            {
                case "h-r":
                    yield return ReadHeartRate(fields, where, context.LocalTimeZone);
                    break;

                case "s-r":
                    if (!TryReadTimeAndValue(fields, out var time, out var rate, out var problem))
                    {
                        yield return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: step rate {problem}");
                        break;
                    }

                    // The rate's interval ends where the next one starts, so the previous rate is complete now.
                    if (pending is { } previous)
                    {
                        yield return previous.Complete(time, context.LocalTimeZone);
                    }

                    pending = new PendingStepRate(time, rate, where);
                    break;

                default:
                    var what = KnownUnsupported.TryGetValue(type, out var description) ? $" ({description})" : string.Empty;
                    yield return ImportRecord.Rejected(ImportReasons.UnsupportedRecordType,
                        $"{where}: tp={type}{what} has no vital in the catalogue.");
                    break;
            }
        }

        if (pending is { } last)
        {
            yield return last.Complete(null, context.LocalTimeZone);
        }
    }

    private static ImportRecord ReadHeartRate(Dictionary<string, string> fields, string where, TimeZoneInfo zone)
    {
        if (!TryReadTimeAndValue(fields, out var time, out var bpm, out var problem))
        {
            return ImportRecord.Rejected(ImportReasons.UnreadableRecord, $"{where}: heart rate {problem}");
        }

        // The watch writes 0 (and 255 on some firmware) when it lost the pulse: no reading, not a heart at rest.
        if (bpm is 0 or >= 255)
        {
            return ImportRecord.Rejected(VendorImportReasons.NoMeasurement, $"{where}: heart rate {Numbers.Format(bpm)} means no reading.");
        }

        // Every HiTrack file is a workout, so the pulse was taken while active.
        return Samples.Emit(Samples.Scalar(VitalCatalog.HeartRate, Times.InZone(time, zone), bpm, "/min", "active"), where);
    }

    private static bool TryReadTimeAndValue(Dictionary<string, string> fields, out DateTimeOffset time, out double value, out string problem)
    {
        time = default;
        value = 0;
        if (!fields.TryGetValue("k", out var key) || !Numbers.TryParse(key, out var stamp)
            || !Times.TryFromUnix(stamp, out time) || time < Earliest)
        {
            problem = $"has no readable time (k={key}).";
            return false;
        }

        if (!fields.TryGetValue("v", out var text) || !Numbers.TryParse(text, out value) || value < 0)
        {
            problem = $"has no readable value (v={text}).";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    /// <summary>Splits <c>tp=h-r;k=1551732125000;v=105;</c> into its fields.</summary>
    private static bool TryParse(string text, out Dictionary<string, string> fields)
    {
        fields = new Dictionary<string, string>(4, StringComparer.Ordinal);
        foreach (var part in text.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            fields[part[..equals]] = part[(equals + 1)..];
        }

        return fields.Count > 0;
    }

    /// <summary>A step rate waiting for the next one, which bounds its interval.</summary>
    private sealed record PendingStepRate(DateTimeOffset Start, double StepsPerMinute, string Where)
    {
        public ImportRecord Complete(DateTimeOffset? nextStart, TimeZoneInfo zone)
        {
            var end = Start + StepRateSpan;
            if (nextStart is { } next && next > Start && next < end)
            {
                end = next;
            }

            var steps = Math.Round(StepsPerMinute * (end - Start).TotalMinutes);
            return Samples.Emit(
                Samples.Quantity(VitalCatalog.Steps, Times.InZone(Start, zone), Times.InZone(end, zone), steps, "{steps}"), Where);
        }
    }
}
