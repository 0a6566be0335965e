using Wearables.Twins.Import.Garmin.Fit;

namespace Wearables.Twins.Import.Garmin;

/// <summary>
/// What a FIT file says at its end that its first records need: the wearer's UTC offset (activity.local_timestamp,
/// or monitoring_info.local_timestamp) and the sessions' intervals. Read by a first pass over a seekable stream,
/// which keeps only these few numbers (at most <see cref="MaxSessions"/> intervals).
/// </summary>
internal sealed class FitLookahead
{
    public const int MaxSessions = 1024;
    private const int QuarterHour = 900;
    private const int MaxOffsetSeconds = 14 * 3600;

    private readonly List<(uint Start, uint End)> _sessions;

    private FitLookahead(TimeSpan? wearerOffset, List<(uint Start, uint End)> sessions)
    {
        WearerOffset = wearerOffset;
        _sessions = sessions;
    }

    /// <summary>Nothing known ahead (the stream cannot seek).</summary>
    public static FitLookahead None { get; } = new(null, []);

    /// <summary>The offset the device itself recorded between local and UTC time, to the quarter hour.</summary>
    public TimeSpan? WearerOffset { get; }

    public int SessionCount => _sessions.Count;

    public bool InSession(uint time)
    {
        foreach (var (start, end) in _sessions)
        {
            if (time >= start && time <= end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the whole stream once and puts it back where it was. Damage is ignored here: the main pass reports it.</summary>
    /// <exception cref="InvalidDataException">The stream is not a FIT file.</exception>
    public static async Task<FitLookahead> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        var origin = content.Position;
        TimeSpan? offset = null;
        var sessions = new List<(uint Start, uint End)>();
        try
        {
            var reader = new FitReader(content);
            FitItem item;
            while ((item = await reader.ReadAsync(cancellationToken)) != FitItem.End)
            {
                if (item != FitItem.Message)
                {
                    continue;
                }

                var message = reader.Message;
                switch (message.GlobalNumber)
                {
                    case FitMessages.Activity:
                        offset ??= OffsetOf(message, FitMessages.ActivityLocalTimestamp);
                        break;
                    case FitMessages.MonitoringInfo:
                        offset ??= OffsetOf(message, FitMessages.MonitoringInfoLocalTimestamp);
                        break;
                    case FitMessages.Session when sessions.Count < MaxSessions:
                        if (FitTime.SessionInterval(message) is ({ } start, { } end) && end >= start)
                        {
                            sessions.Add((start, end));
                        }

                        break;
                }
            }
        }
        finally
        {
            content.Seek(origin, SeekOrigin.Begin);
        }

        return new FitLookahead(offset, sessions);
    }

    private static TimeSpan? OffsetOf(FitMessage message, byte localTimestampField)
    {
        if (message.Timestamp is not { } utc || !FitTime.IsAbsolute(utc)
            || !message.TryGetUInt(localTimestampField, out var local) || local > uint.MaxValue || !FitTime.IsAbsolute((uint)local))
        {
            return null;
        }

        var seconds = Math.Round(((long)local - utc) / (double)QuarterHour) * QuarterHour;
        return Math.Abs(seconds) <= MaxOffsetSeconds ? TimeSpan.FromSeconds(seconds) : null;
    }
}
