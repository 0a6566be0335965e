using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Durability;

/// <summary>The log's messages, event ids 2000–2099. Positions and sizes only: payloads are patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Telemetry log opened in {Directory}: {SegmentCount} segment(s), end position {EndPosition}, checkpoint {CheckpointPosition}")]
    public static partial void Opened(ILogger logger, string directory, int segmentCount, long endPosition, long checkpointPosition);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Dropped a torn or corrupt tail of {BytesDropped} byte(s) at position {Position} in the segment starting at {SegmentStart}; a crash during a group commit leaves such a tail and its records were never acknowledged")]
    public static partial void TornTailDropped(ILogger logger, long bytesDropped, long position, long segmentStart);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "Dropped {BytesDropped} byte(s) at position {Position} in the segment starting at {SegmentStart}: more than one group commit ({MaxBatchBytes} bytes) could leave unacknowledged, so acknowledged records were probably lost to disk corruption")]
    public static partial void LargeTailDropped(ILogger logger, long bytesDropped, long position, long segmentStart, int maxBatchBytes);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error,
        Message = "The record at position {Position} in the segment starting at {SegmentStart} is corrupt (impossible length, missing bytes or checksum mismatch); reading stops there and later records are not returned")]
    public static partial void CorruptRecord(ILogger logger, long position, long segmentStart);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Critical,
        Message = "Writing or fsyncing the telemetry log at position {Position} failed; the log refuses further appends until the service restarts and recovers it")]
    public static partial void Faulted(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Started a segment at position {SegmentStart}")]
    public static partial void SegmentStarted(ILogger logger, long segmentStart);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information,
        Message = "Deleted the segment starting at {SegmentStart}: all its records lie before the checkpoint {CheckpointPosition}")]
    public static partial void SegmentDeleted(ILogger logger, long segmentStart, long checkpointPosition);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning,
        Message = "Could not delete the segment starting at {SegmentStart}; the next checkpoint tries again")]
    public static partial void SegmentDeleteFailed(ILogger logger, Exception exception, long segmentStart);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error,
        Message = "The checkpoint file in {Directory} is damaged; replaying every retained record instead (twins ignore what they already hold)")]
    public static partial void CheckpointUnreadable(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning,
        Message = "The checkpoint {CheckpointPosition} lies past the recovered end {EndPosition}; it is moved back to the end so new records are not mistaken for applied ones")]
    public static partial void CheckpointBeyondEnd(ILogger logger, long checkpointPosition, long endPosition);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "The folder {Directory} cannot be fsynced on this platform or file system; new segments and checkpoint renames rely on the file system's own metadata ordering")]
    public static partial void DirectorySyncUnavailable(ILogger logger, string directory);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information,
        Message = "Telemetry log closed at end position {EndPosition}")]
    public static partial void Closed(ILogger logger, long endPosition);
}
