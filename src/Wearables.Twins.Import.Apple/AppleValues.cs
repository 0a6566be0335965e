using System.Globalization;
using System.Text;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Parses the text of Apple's exports, which follows the phone's locale in places: decimal commas
/// (<c>36,6</c>, <c>08:33:44,67</c>), 12-hour clocks with a narrow no-break space before AM/PM, no-break spaces in
/// names. Timestamps carry their own offset (<c>2019-07-18 21:16:39 +0200</c>), which is kept.
/// </summary>
internal static class AppleValues
{
    private static readonly string[] OffsetFormats = ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd HH:mm:sszzz"];

    /// <summary>Reads Apple's timestamp; one without an offset gets the offset of the import's zone.</summary>
    public static bool TryParseDate(string? text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // A date at the calendar's ends (0001-01-01 00:00 east of UTC) cannot be placed, nor a beat or an ECG's end after
        // it: unreadable, not a crash.
        var trimmed = NormalizeSpaces(text);
        if (DateTimeOffset.TryParseExact(trimmed, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return WireTime.IsPlaceable(value.UtcDateTime);
        }

        return DateTime.TryParseExact(trimmed, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && WireTime.TryInZone(local, zone, out value);
    }

    /// <summary>
    /// Reads a number written with a decimal point or a decimal comma. Apple never groups thousands, so a single
    /// comma is the decimal separator; text with both or with several commas is refused rather than guessed.
    /// </summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var comma = span.IndexOf(',');
        if (comma >= 0)
        {
            if (span.Contains('.') || span[(comma + 1)..].Contains(','))
            {
                return false;
            }

            span = span.ToString().Replace(',', '.').AsSpan();
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>
    /// Reads the time of day of an HRV beat: <c>08:33:44,67</c> (24-hour, decimal comma) or <c>8:33:44.67 AM</c>
    /// (12-hour, with a plain, no-break or narrow no-break space before the marker).
    /// </summary>
    public static bool TryParseTimeOfDay(string? text, out TimeSpan time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var clock = NormalizeSpaces(text);
        var meridiem = 0;
        if (clock.EndsWith("AM", StringComparison.OrdinalIgnoreCase) || clock.EndsWith("PM", StringComparison.OrdinalIgnoreCase))
        {
            meridiem = char.ToUpperInvariant(clock[^2]) == 'A' ? 1 : 2;
            clock = clock[..^2].TrimEnd();
        }

        var parts = clock.Split(':');
        if (parts.Length is not (2 or 3)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        var seconds = 0.0;
        if (parts.Length == 3 && (!TryParseNumber(parts[2], out seconds) || seconds is < 0 or >= 60))
        {
            return false;
        }

        if (meridiem != 0)
        {
            if (hours is < 1 or > 12)
            {
                return false;
            }

            hours = (hours % 12) + (meridiem == 2 ? 12 : 0);
        }

        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0) + TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>
    /// Gives a source name one spelling: no-break and other odd spaces become plain spaces (exports write
    /// "Apple\u00A0Watch" where the phone shows "Apple Watch"), control characters go, runs of spaces collapse.
    /// </summary>
    public static string? NormalizeSource(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (IsNormal(name))
        {
            // The common case, once per record: no copy.
            return name;
        }

        var builder = new StringBuilder(name.Length);
        var pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static bool IsNormal(string name)
    {
        if (name[0] == ' ' || name[^1] == ' ')
        {
            return false;
        }

        var previous = 'x';
        foreach (var c in name)
        {
            if ((c == ' ' && previous == ' ') || (c != ' ' && (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u200B')))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static string NormalizeSpaces(string text)
        => text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Trim();
}
