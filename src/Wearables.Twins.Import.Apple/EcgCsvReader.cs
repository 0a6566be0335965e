using System.Globalization;
using System.Text;
using Wearables.Twins.Telemetry.Wire;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Reads one <c>electrocardiograms/ecg_*.csv</c> of an export into one ecg sample. The file is a block of
/// <c>Key,Value</c> lines (Name, Date of Birth, Recorded Date, Classification, Symptoms, Software Version, Device,
/// Sample Rate, Lead, Unit) and then one voltage per line.
/// <para>
/// A recording longer than the catalogue's 16384 values (Apple's are 30 s × 512 Hz = 15360) is rejected, not cut:
/// a truncated trace under the whole recording's classification would say something the trace does not show.
/// Memory: the header lines and at most 16384 voltages; further lines are only counted.
/// </para>
/// </summary>
internal static class EcgCsvReader
{
    private const int MaxHeaderLines = 64;

    public static async Task<ImportRecord> ReadAsync(Stream content, string entryName, ImportContext context, CancellationToken cancellationToken)
    {
        var vital = VitalCatalog.Ecg;
        using var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var header = new List<(string Key, string Value)>();
        var voltages = new List<double>();
        var count = 0L;
        var lineNumber = 0;
        while (await text.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (AppleValues.TryParseNumber(trimmed.Trim('"'), out var voltage))
            {
                if (++count <= vital.MaxSeriesLength)
                {
                    voltages.Add(voltage);
                }

                continue;
            }

            if (count > 0)
            {
                return Reject(ImportReasons.UnreadableRecord, entryName, $"line {lineNumber}: '{Shorten(trimmed)}' is not a voltage.");
            }

            if (header.Count == MaxHeaderLines)
            {
                return Reject(ImportReasons.UnreadableRecord, entryName,
                    $"no voltages after {MaxHeaderLines} header lines; this is not an Apple ECG export.");
            }

            header.Add(SplitKeyValue(trimmed));
        }

        var source = AppleValues.NormalizeSource(Find(header, "Device"));
        if (!TryFindRecordedDate(header, context.LocalTimeZone, out var recorded))
        {
            return Reject(ImportReasons.UnreadableRecord, entryName, "has no readable Recorded Date (2020-04-26 13:23:40 -0300).", source);
        }

        if (!TryFindSampleRate(header, out var rate))
        {
            return Reject(ImportReasons.UnreadableRecord, entryName, "has no readable Sample Rate (512 hertz).", source);
        }

        // Apple's ECG export only ever writes µV; a missing unit line is read as that, an unknown one is refused.
        var unitText = Find(header, "Unit") ?? "uV";
        if (AppleTypeMap.EcgUnit(unitText) is not { } unit)
        {
            return Reject(ImportReasons.UnsupportedUnit, entryName, $"unit '{unitText}' is not a voltage unit the importer maps (µV, mV).", source);
        }

        if (count == 0)
        {
            return Reject(ImportReasons.UnreadableRecord, entryName, "holds no voltage samples.", source);
        }

        if (count > vital.MaxSeriesLength)
        {
            return Reject(AppleImportReasons.SeriesTooLong, entryName, string.Create(CultureInfo.InvariantCulture,
                $"holds {count} voltage samples ({count / rate:0.#} s at {rate} Hz); one ecg sample carries at most {vital.MaxSeriesLength}, and a cut recording would not match its classification."),
                source);
        }

        // A damaged rate (0.0000000001 hertz) would put the end past the calendar; a day's margin covers any offset.
        var seconds = count / rate;
        if (seconds >= (DateTimeOffset.MaxValue.UtcDateTime - recorded.UtcDateTime).TotalSeconds - 86_400)
        {
            return Reject(ImportReasons.UnreadableRecord, entryName, string.Create(CultureInfo.InvariantCulture,
                $"has a Sample Rate of {rate} Hz, which makes its {count} voltage samples last past the year 9999."), source);
        }

        var duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return ImportRecord.Of(new EnvelopeSample
        {
            Type = vital.Code,
            Time = WireTime.Format(recorded),
            End = WireTime.Format(recorded + duration),
            Category = AppleTypeMap.EcgCategory(Find(header, "Classification")),
            Values = voltages,
            Unit = unit,
        }, source);
    }

    /// <summary>Splits at the first comma; the value may be quoted ("Watch4,4", "Jan 1, 1980").</summary>
    private static (string Key, string Value) SplitKeyValue(string line)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return (line, string.Empty);
        }

        var value = line[(comma + 1)..].Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        return (line[..comma].Trim().Trim('"'), value);
    }

    private static string? Find(List<(string Key, string Value)> header, string key)
    {
        foreach (var (name, value) in header)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>By its English key, else the first header value that is an Apple timestamp (localised exports translate the keys).</summary>
    private static bool TryFindRecordedDate(List<(string Key, string Value)> header, TimeZoneInfo zone, out DateTimeOffset recorded)
    {
        if (AppleValues.TryParseDate(Find(header, "Recorded Date"), zone, out recorded))
        {
            return true;
        }

        foreach (var (_, value) in header)
        {
            if (value.Length >= 19 && value[4] == '-' && AppleValues.TryParseDate(value, zone, out recorded))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"512 hertz" by its English key, else the first header value that is a number followed by hertz or Hz.</summary>
    private static bool TryFindSampleRate(List<(string Key, string Value)> header, out double rate)
    {
        if (TryParseRate(Find(header, "Sample Rate"), out rate))
        {
            return true;
        }

        foreach (var (_, value) in header)
        {
            if (value.EndsWith("hertz", StringComparison.OrdinalIgnoreCase) || value.EndsWith("Hz", StringComparison.OrdinalIgnoreCase))
            {
                if (TryParseRate(value, out rate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryParseRate(string? text, out double rate)
    {
        rate = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or ','))
        {
            end++;
        }

        return AppleValues.TryParseNumber(text[..end], out rate) && rate > 0;
    }

    private static ImportRecord Reject(string reason, string entryName, string problem, string? source = null)
        => ImportRecord.Rejected(reason, $"ECG {entryName} {problem}", source);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
