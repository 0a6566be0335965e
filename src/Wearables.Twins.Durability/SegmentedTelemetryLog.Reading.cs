using System.Runtime.CompilerServices;

namespace Wearables.Twins.Durability;

public sealed partial class SegmentedTelemetryLog
{
    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Each record is checked against its CRC and returned in a fresh array the caller may keep. Reading uses its
    /// own file handles, so it never waits for or delays appends, and it stops at <see cref="EndPosition"/> as of
    /// the call: records appended meanwhile are not returned and unflushed bytes are never read.
    /// </para>
    /// <para>
    /// <paramref name="from"/> is normally a position the log handed out (a record's position, a checkpoint or an
    /// end position). A <paramref name="from"/> before the oldest retained segment (its records were deleted by a
    /// checkpoint) starts at the first retained record; one that falls inside a record starts at the next record.
    /// </para>
    /// <para>
    /// A corrupt record (a damaged disk, not a crash: recovery already cut torn tails) ends the enumeration there
    /// and is logged as an error, rather than throwing into the replay that started the host.
    /// </para>
    /// </remarks>
    public async IAsyncEnumerable<LogRecord> ReadAsync(long from, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ObjectDisposedException.ThrowIf(IsDisposed, this);

        // End first, segments second: every segment holding a record before the end is then in the snapshot.
        var end = EndPosition;
        var starts = _catalog.Snapshot();
        for (var i = SegmentCatalog.IndexFor(starts, from); i < starts.Length && starts[i] < end; i++)
        {
            var start = starts[i];
            var limit = (i + 1 < starts.Length ? Math.Min(starts[i + 1], end) : end) - start;
            if (from >= start + limit)
            {
                continue;
            }

            var stream = SegmentFiles.TryOpenForRead(_directory, start);
            if (stream is null)
            {
                // A checkpoint deleted it after the snapshot: everything in it lies before the checkpoint.
                continue;
            }

            await using var reader = new SegmentReader(stream, limit);
            while (true)
            {
                var status = await reader.ReadHeaderAsync(cancellationToken);
                if (status == FrameStatus.End)
                {
                    break;
                }

                var position = start + reader.Offset;
                if (status == FrameStatus.Invalid)
                {
                    Log.CorruptRecord(_logger, position, start);
                    yield break;
                }

                if (position < from)
                {
                    // Walk headers from the segment start: a record boundary cannot be recognised from its bytes alone.
                    reader.SkipPayload();
                    continue;
                }

                var payload = new byte[reader.PayloadLength];
                if (!await reader.ReadPayloadAsync(payload, cancellationToken))
                {
                    Log.CorruptRecord(_logger, position, start);
                    yield break;
                }

                yield return new LogRecord(position, start + reader.Offset, payload);
            }
        }
    }
}
