using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Wearables.Twins.Durability;

public sealed partial class SegmentedTelemetryLog
{
    private const string LockFileName = "lock";

    // FileShare.None takes an exclusive lock (flock on Unix): two writers on one folder would interleave records.
    private static SafeFileHandle AcquireLock(string directory)
    {
        try
        {
            return File.OpenHandle(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"The telemetry log in '{directory}' is already open in this or another process.", ex);
        }
    }

    private static long ReadCheckpoint(string directory, ILogger logger)
    {
        try
        {
            return CheckpointFile.Read(directory) ?? 0;
        }
        catch (InvalidDataException ex)
        {
            // Replaying too much is harmless (twins ignore what they hold); refusing to start or guessing high is not.
            Log.CheckpointUnreadable(logger, ex, directory);
            return 0;
        }
    }

    /// <summary>
    /// Checks every record of the last segment and truncates at the first one that is incomplete or fails its
    /// CRC. Older segments are not scanned: a segment is fsynced before the next one is created, so only the
    /// last can hold a torn group commit. Returns the length of the valid prefix.
    /// </summary>
    private static async Task<long> RecoverTailAsync(
        string directory, SafeFileHandle active, long start, int maxBatchBytes, ILogger logger, CancellationToken cancellationToken)
    {
        var fileLength = RandomAccess.GetLength(active);
        var stream = SegmentFiles.TryOpenForRead(directory, start)
            ?? throw new FileNotFoundException("The active segment disappeared while the log was opening.", SegmentFiles.PathFor(directory, start));
        long valid;
        await using (var reader = new SegmentReader(stream, fileLength))
        {
            while (await reader.ReadHeaderAsync(cancellationToken) == FrameStatus.Record
                && await reader.VerifyPayloadAsync(cancellationToken))
            {
            }

            valid = reader.Offset;
        }

        if (valid < fileLength)
        {
            var dropped = fileLength - valid;
            if (dropped > maxBatchBytes)
            {
                Log.LargeTailDropped(logger, dropped, start + valid, start, maxBatchBytes);
            }
            else
            {
                Log.TornTailDropped(logger, dropped, start + valid, start);
            }

            RandomAccess.SetLength(active, valid);
            RandomAccess.FlushToDisk(active);
        }

        return valid;
    }
}
