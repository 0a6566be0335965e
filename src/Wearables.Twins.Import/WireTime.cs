using System.Globalization;

namespace Wearables.Twins.Import;

/// <summary>Writes timestamps the way the envelope wants them: RFC 3339 with the record's own offset.</summary>
public static class WireTime
{
    public static string Format(DateTimeOffset time)
        => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Gives a local time without offset the offset its zone had at that moment. A time that falls in a
    /// daylight-saving gap is read as standard time; an ambiguous one (the repeated hour) as the first occurrence.
    /// </summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
        => TryInZone(local, zone, out var time)
            ? time
            : throw new ArgumentOutOfRangeException(nameof(local), local, "The local time is within two days of the calendar's ends.");

    /// <summary>
    /// <see cref="InZone"/> for times read from a file: false for a local time within two days of the calendar's ends
    /// (0001-01-01, 9999-12-31), which its zone's offset, or the minute or day an importer adds for an interval, would
    /// move outside the years a <see cref="DateTimeOffset"/> can hold. A damaged file has such dates; no device does.
    /// </summary>
    public static bool TryInZone(DateTime local, TimeZoneInfo zone, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        time = default;
        if (!IsPlaceable(local))
        {
            return false;
        }

        time = InZoneUnchecked(local, zone);
        return true;
    }

    /// <summary>Whether a local time is at least two days inside the calendar's ends: see <see cref="TryInZone"/>.</summary>
    public static bool IsPlaceable(DateTime local)
        => local >= DateTime.MinValue.AddDays(2) && local <= DateTime.MaxValue.AddDays(-2);

    private static DateTimeOffset InZoneUnchecked(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
