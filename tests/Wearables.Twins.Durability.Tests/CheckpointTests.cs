using static Wearables.Twins.Durability.Tests.TestLogs;

namespace Wearables.Twins.Durability.Tests;

public sealed class CheckpointTests : IDisposable
{
    // 28-byte frames, two per 64-byte segment: segments start at 0, 56, 112, 168, 224.
    private const int FrameSize = HeaderSize + 20;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private TelemetryLogOptions SmallSegments => Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40);

    [Fact]
    public async Task A_new_log_has_its_checkpoint_at_zero()
    {
        await using var log = await OpenAsync(SmallSegments);

        Assert.Equal(0, log.CheckpointPosition);
    }

    [Fact]
    public async Task Checkpoint_survives_reopen_and_a_backward_move_is_ignored()
    {
        await using (var log = await OpenAsync(SmallSegments))
        {
            await AppendAsync(log, 5);
            await log.CheckpointAsync(3 * FrameSize);
            await log.CheckpointAsync(1 * FrameSize);

            Assert.Equal(3 * FrameSize, log.CheckpointPosition);
        }

        await using var reopened = await OpenAsync(SmallSegments);
        Assert.Equal(3 * FrameSize, reopened.CheckpointPosition);
    }

    [Fact]
    public async Task ReadAsync_from_the_checkpoint_returns_only_later_records()
    {
        await using var log = await OpenAsync(SmallSegments);
        await AppendAsync(log, 7);
        await log.CheckpointAsync(4 * FrameSize);

        Assert.Equal([4, 5, 6], (await ReadAllAsync(log, log.CheckpointPosition)).Select(IndexOf));
    }

    [Fact]
    public async Task Checkpoint_deletes_segments_entirely_before_it()
    {
        await using var log = await OpenAsync(SmallSegments);
        await AppendAsync(log, 10);

        // Position 140 lies inside the segment starting at 112, so that segment stays.
        await log.CheckpointAsync(5 * FrameSize);

        Assert.Equal([112L, 168, 224], SegmentStarts(_dir.Path));
        Assert.Equal([4, 5, 6, 7, 8, 9], (await ReadAllAsync(log)).Select(IndexOf));
    }

    [Fact]
    public async Task Checkpoint_at_the_end_never_deletes_the_active_segment()
    {
        await using (var log = await OpenAsync(SmallSegments))
        {
            await AppendAsync(log, 10);
            await log.CheckpointAsync(log.EndPosition);

            Assert.Equal([224L], SegmentStarts(_dir.Path));
            Assert.Empty(await ReadAllAsync(log, log.CheckpointPosition));

            // A start inside the deleted range begins at the first retained segment.
            Assert.Equal([8, 9], (await ReadAllAsync(log, from: 0)).Select(IndexOf));
        }

        await using var reopened = await OpenAsync(SmallSegments);
        Assert.Equal(10L * FrameSize, reopened.EndPosition);
        Assert.Equal(10L * FrameSize, await reopened.AppendAsync(Payload(10)));
        Assert.Equal([10], (await ReadAllAsync(reopened, reopened.CheckpointPosition)).Select(IndexOf));
    }

    [Fact]
    public async Task Checkpoint_past_the_end_is_refused()
    {
        await using var log = await OpenAsync(SmallSegments);
        await AppendAsync(log, 2);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await log.CheckpointAsync(log.EndPosition + 1));
        Assert.Equal(0, log.CheckpointPosition);
    }

    [Fact]
    public async Task A_damaged_checkpoint_file_falls_back_to_replaying_everything_retained()
    {
        await using (var log = await OpenAsync(SmallSegments))
        {
            await AppendAsync(log, 3);
            await log.CheckpointAsync(2 * FrameSize);
        }

        FlipByte(Path.Combine(_dir.Path, "checkpoint"), 0);
        var logger = new CapturingLogger();
        await using var reopened = await OpenAsync(SmallSegments, logger);

        Assert.Equal(0, reopened.CheckpointPosition);
        Assert.Single(logger.WithEventId(2008));
        Assert.Equal([2], (await ReadAllAsync(reopened, reopened.CheckpointPosition)).Select(IndexOf));
    }

    private static async Task AppendAsync(SegmentedTelemetryLog log, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Payload(i));
        }
    }
}
