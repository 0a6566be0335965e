using System.Globalization;

namespace Wearables.Twins.Simulator.Envelopes;

/// <summary>RFC 3339 timestamps with milliseconds and an explicit offset, as the envelope requires.</summary>
public static class Rfc3339Format
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    /// <summary>Formats <paramref name="time"/> on a wall clock at <paramref name="utcOffset"/>.</summary>
    public static string Format(DateTimeOffset time, TimeSpan utcOffset)
        => time.ToOffset(utcOffset).ToString(Pattern, CultureInfo.InvariantCulture);
}
