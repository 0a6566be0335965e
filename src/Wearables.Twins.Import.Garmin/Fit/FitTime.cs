namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>FIT date_time: seconds since 1989-12-31T00:00:00Z; values under 0x10000000 are device-relative (since power-on).</summary>
internal static class FitTime
{
    public const uint MinAbsolute = 0x1000_0000;

    public static readonly DateTimeOffset Epoch = new(1989, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static bool IsAbsolute(uint seconds) => seconds >= MinAbsolute;

    public static DateTimeOffset ToUtc(uint seconds) => Epoch.AddSeconds(seconds);

    /// <summary>
    /// The session's interval: start_time (or timestamp minus total_elapsed_time) to timestamp, each null when
    /// the message does not give it as an absolute time.
    /// </summary>
    public static (uint? Start, uint? End) SessionInterval(FitMessage session)
    {
        uint? end = session.Timestamp is { } timestamp && IsAbsolute(timestamp) ? timestamp : null;
        uint? start = null;
        if (session.TryGetUInt(FitMessages.SessionStartTime, out var startTime) && startTime <= uint.MaxValue
            && IsAbsolute((uint)startTime))
        {
            start = (uint)startTime;
        }
        else if (end is { } last && session.TryGetUInt(FitMessages.SessionTotalElapsedTime, out var elapsed)
            && elapsed / 1000 < last && IsAbsolute(last - (uint)(elapsed / 1000)))
        {
            start = last - (uint)(elapsed / 1000);
        }

        return (start, end);
    }
}
