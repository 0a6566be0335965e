using System.Buffers;

namespace Wearables.Twins.Durability;

public sealed partial class SegmentedTelemetryLog
{
    /// <summary>
    /// The only writer. Each round takes everything queued (up to MaxBatchBytes), writes it and fsyncs once,
    /// so callers that arrive during an fsync share the next one. Ends when the queue is completed and drained.
    /// </summary>
    private async Task RunWriterAsync()
    {
        var batch = new List<PendingAppend>();
        PendingAppend? carry = null;
        try
        {
            if (_hooks?.WriterGate is { } gate)
            {
                await gate;
            }

            var reader = _queue.Reader;
            while (carry is not null || await reader.WaitToReadAsync())
            {
                var bytes = 0;
                if (carry is not null)
                {
                    batch.Add(carry);
                    bytes = carry.FrameLength;
                    carry = null;
                }

                while (reader.TryRead(out var next))
                {
                    if (batch.Count > 0 && bytes + next.FrameLength > _maxBatchBytes)
                    {
                        carry = next;
                        break;
                    }

                    batch.Add(next);
                    bytes += next.FrameLength;
                }

                WriteBatch(batch, bytes);
                batch.Clear();
            }
        }
        catch (Exception ex)
        {
            // Past a failed write or fsync the file's contents are unknown; appending more could leave a gap
            // that recovery would cut, together with later acknowledged records. Refuse instead.
            Volatile.Write(ref _fault, ex);
            Log.Faulted(_logger, ex, _activeStart + _activeLength);
            _queue.Writer.TryComplete();
            var refusal = FaultedException(ex);
            carry?.Fail(refusal);
            while (_queue.Reader.TryRead(out var left))
            {
                left.Fail(refusal);
            }
        }
    }

    private void WriteBatch(List<PendingAppend> batch, int bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bytes);
        try
        {
            var chunkStart = 0;
            var cursor = 0;
            foreach (var item in batch)
            {
                if (!item.TryClaim())
                {
                    continue;
                }

                var frameLength = item.FrameLength;
                var fill = _activeLength + (cursor - chunkStart);
                if (fill > 0 && fill + frameLength > _segmentSizeBytes)
                {
                    // The full segment is durable before the next one exists, so only the last segment can be torn.
                    WriteAndFlush(buffer.AsSpan(chunkStart, cursor - chunkStart));
                    StartNextSegment();
                    chunkStart = cursor;
                    fill = 0;
                }

                item.Position = _activeStart + fill;
                RecordFrame.Write(buffer.AsSpan(cursor, frameLength), item.Payload.Span);
                item.MarkCopied();
                cursor += frameLength;
            }

            WriteAndFlush(buffer.AsSpan(chunkStart, cursor - chunkStart));
            Interlocked.Exchange(ref _endPosition, _activeStart + _activeLength);
            foreach (var item in batch)
            {
                item.Succeed();
            }
        }
        catch (Exception ex)
        {
            foreach (var item in batch)
            {
                item.Fail(ex);
            }

            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteAndFlush(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        RandomAccess.Write(_activeHandle, bytes, _activeLength);
        _hooks?.BeforeFlush?.Invoke();
        RandomAccess.FlushToDisk(_activeHandle);
        Interlocked.Increment(ref _flushCount);
        _activeLength += bytes.Length;
    }

    private void StartNextSegment()
    {
        var start = _activeStart + _activeLength;
        var handle = SegmentFiles.CreateNew(_directory, start);
        try
        {
            // Without this a power cut could lose the new file's name, and with it records acknowledged in it.
            SyncDirectory();
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        _catalog.Add(start);
        _activeHandle.Dispose();
        _activeHandle = handle;
        _activeStart = start;
        _activeLength = 0;
        Log.SegmentStarted(_logger, start);
    }

    private void SyncDirectory()
    {
        if (!DirectorySync.TryFlush(_directory))
        {
            WarnDirectorySyncUnavailable();
        }
    }

    private void WarnDirectorySyncUnavailable()
    {
        // Once per instance: on such a platform it is true of every call.
        if (Interlocked.Exchange(ref _directorySyncWarned, 1) == 0)
        {
            Log.DirectorySyncUnavailable(_logger, _directory);
        }
    }
}
