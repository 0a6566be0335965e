namespace Wearables.Twins.Durability;

public sealed partial class SegmentedTelemetryLog
{
    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="position"/> should be a record boundary the log handed out (usually a record's
    /// <see cref="LogRecord.NextPosition"/> or an <see cref="EndPosition"/>); past <see cref="EndPosition"/> it is
    /// refused, because records appended later would count as applied. The new value is on disk before any
    /// segment is deleted, so a crash in between only leaves segments for the next checkpoint to delete.
    /// </remarks>
    public async ValueTask CheckpointAsync(long position, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, EndPosition);

        await _checkpointGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (position <= CheckpointPosition)
            {
                return;
            }

            if (!CheckpointFile.Write(_directory, position))
            {
                WarnDirectorySyncUnavailable();
            }

            Interlocked.Exchange(ref _checkpointPosition, position);
            DeleteSegmentsBefore(position);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    private void DeleteSegmentsBefore(long position)
    {
        foreach (var start in _catalog.EntirelyBefore(position))
        {
            try
            {
                File.Delete(SegmentFiles.PathFor(_directory, start));
                _catalog.Remove(start);
                Log.SegmentDeleted(_logger, start, position);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Stop at the first failure: deleting a later segment would leave a hole in the retained range.
                Log.SegmentDeleteFailed(_logger, ex, start);
                return;
            }
        }
    }
}
