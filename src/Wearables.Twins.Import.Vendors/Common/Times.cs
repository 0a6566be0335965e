using System.Globalization;

namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>Timestamp helpers shared by the importers.</summary>
internal static class Times
{
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>
    /// A Unix timestamp whose unit is told by its size, as exports mix them (HiTrack writes milliseconds in some
    /// files and seconds in others): below 10^11 seconds (10^11 s is the year 5138), below 10^14 milliseconds,
    /// below 10^17 microseconds, nanoseconds above.
    /// </summary>
    public static bool TryFromUnix(double stamp, out DateTimeOffset instant)
    {
        instant = default;
        if (!double.IsFinite(stamp) || stamp < 0)
        {
            return false;
        }

        var milliseconds = stamp switch
        {
            < 1e11 => stamp * 1000,
            < 1e14 => stamp,
            < 1e17 => stamp / 1000,
            _ => stamp / 1_000_000,
        };
        if (milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(milliseconds));
        return true;
    }

    /// <summary>
    /// An instant shown with the offset of the import's time zone, so that imported absolute times (Unix stamps,
    /// UTC) keep the patient's day the way live samples do; the instant itself does not change.
    /// </summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>RFC 3339 / ISO 8601 with an explicit offset (<c>Z</c>, <c>±hh:mm</c> or <c>±hhmm</c>), 'T' or a space between date and time.</summary>
    public static bool TryParseWithOffset(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (!HasOffset(text))
        {
            return false;
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return WireTime.IsPlaceable(time.UtcDateTime);
        }

        // "+0000" (no colon), as Zepp writes it: insert the colon and try again.
        if (text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) && text[^3] != ':')
        {
            var withColon = string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2));
            return DateTimeOffset.TryParseExact(withColon, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
                && WireTime.IsPlaceable(time.UtcDateTime);
        }

        return false;
    }

    /// <summary>
    /// An ISO-like local time without offset (<c>2026-03-29 02:30[:00[.fff]]</c>, 'T' or space), away from the
    /// calendar's ends so that it can be placed in any zone (<see cref="WireTime.IsPlaceable"/>).
    /// </summary>
    public static bool TryParseLocal(string? text, out DateTime local)
        => DateTime.TryParseExact(text?.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            && WireTime.IsPlaceable(local);

    private static bool HasOffset(string text)
    {
        var last = text[^1];
        if (last is 'Z' or 'z')
        {
            return true;
        }

        // ±hh:mm or ±hhmm after the time part (a date's own '-' are before the 'T' or the space).
        var timeStart = text.IndexOfAny(['T', 't', ' ']);
        if (timeStart < 0)
        {
            return false;
        }

        var sign = text.AsSpan(timeStart).LastIndexOfAny('+', '-');
        return sign > 0;
    }
}
