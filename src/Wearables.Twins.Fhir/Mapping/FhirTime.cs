using System.Globalization;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Fhir.Mapping;

/// <summary>
/// FHIR <c>dateTime</c> ↔ <see cref="DateTimeOffset"/>. Times are written with the offset the device reported
/// (<c>Z</c> for UTC) and fractional seconds only when present. A FHIR dateTime with a time always carries an
/// offset; a date without a time (<c>1999-07-02</c>) is read as the start of that day in UTC.
/// </summary>
public static partial class FhirTime
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    /// <summary>How precisely a FHIR date or dateTime was given.</summary>
    public enum Precision
    {
        Year,
        Month,
        Day,
        Second,
    }

    /// <summary>A FHIR dateTime string that keeps the sample's offset.</summary>
    public static string Format(DateTimeOffset time)
    {
        var text = time.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        return time.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + time.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The RFC 3339 form the telemetry envelope takes (explicit offset, never a bare date).</summary>
    public static string ToRfc3339(DateTimeOffset time)
        => time.ToString(DateTimeFormat + "zzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a FHIR date/dateTime into the instant it starts at and the instant after its precision ends
    /// (<c>2024-05</c> → [2024-05-01, 2024-06-01) UTC; <c>10:00:00Z</c> → one second).
    /// </summary>
    /// <param name="text">The FHIR value.</param>
    /// <param name="start">Start of the range, keeping the given offset (UTC when none could be given).</param>
    /// <param name="end">Exclusive end of the range.</param>
    /// <param name="precision">How precise the value was.</param>
    /// <returns>False when the text is not a FHIR date/dateTime, or has a time but no offset.</returns>
    public static bool TryParse(string? text, out DateTimeOffset start, out DateTimeOffset end, out Precision precision)
    {
        start = end = default;
        precision = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = DateTimePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 1)
        {
            return false;
        }

        if (!match.Groups["m"].Success)
        {
            precision = Precision.Year;
            start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            end = year < 9999 ? start.AddYears(1) : DateTimeOffset.MaxValue;
            return true;
        }

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (!match.Groups["d"].Success)
        {
            precision = Precision.Month;
            start = new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero);
            end = year < 9999 || month < 12 ? start.AddMonths(1) : DateTimeOffset.MaxValue;
            return true;
        }

        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (!match.Groups["time"].Success)
        {
            precision = Precision.Day;
            start = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
            end = start < DateTimeOffset.MaxValue.AddDays(-1) ? start.AddDays(1) : DateTimeOffset.MaxValue;
            return true;
        }

        if (!match.Groups["offset"].Success)
        {
            return false;
        }

        // DateTimeOffset keeps at most 7 fractional digits: finer digits are dropped, not rounded.
        var fraction = match.Groups["f"].Success ? match.Groups["f"].Value : string.Empty;
        var digits = Math.Min(fraction.Length, 7);
        var normalized = string.Concat(
            text.AsSpan(0, match.Groups["time"].Index),
            match.Groups["time"].Value.AsSpan(0, 9),
            digits > 0 ? "." + fraction[..digits] : string.Empty,
            match.Groups["offset"].Value);
        var format = digits > 0 ? "yyyy-MM-dd'T'HH:mm:ss." + new string('f', digits) + "K" : "yyyy-MM-dd'T'HH:mm:ssK";
        if (!DateTimeOffset.TryParseExact(normalized, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return false;
        }

        precision = Precision.Second;
        var step = TimeSpan.FromTicks(digits == 0 ? TimeSpan.TicksPerSecond : (long)Math.Pow(10, 7 - digits));
        end = start <= DateTimeOffset.MaxValue - step ? start + step : DateTimeOffset.MaxValue;
        return true;
    }

    [GeneratedRegex(
        @"^(?<y>[0-9]{4})(-(?<m>0[1-9]|1[0-2])(-(?<d>0[1-9]|[12][0-9]|3[01])(?<time>T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.(?<f>[0-9]+))?(?<offset>Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateTimePattern();
}
