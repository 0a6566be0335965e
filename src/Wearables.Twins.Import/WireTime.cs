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
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.IsInvalidTime(unspecified) ? zone.BaseUtcOffset : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
