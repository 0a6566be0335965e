using Microsoft.Extensions.Logging;
using static Wearables.Twins.Durability.Tests.TestLogs;

namespace Wearables.Twins.Durability.Tests;

public sealed class RecoveryTests : IDisposable
{
    private const int FrameSize = HeaderSize + 20;
    private const int TornTailEvent = 2001;
    private const int CorruptRecordEvent = 2003;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reopen_after_dispose_keeps_every_record_and_continues_the_positions()
    {
        var options = Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40);
        await using (var log = await OpenAsync(options))
        {
            for (var i = 0; i < 5; i++)
            {
                await log.AppendAsync(Payload(i));
            }
        }

        await using var reopened = await OpenAsync(options);

        Assert.Equal(5L * FrameSize, reopened.EndPosition);
        Assert.Equal([0, 1, 2, 3, 4], (await ReadAllAsync(reopened)).Select(IndexOf));
        Assert.Equal(5L * FrameSize, await reopened.AppendAsync(Payload(5)));
    }

    [Fact]
    public async Task Reopen_after_a_half_written_record_drops_only_that_record_and_appends_continue()
    {
        var options = Options(_dir.Path);
        await WriteRecordsAsync(options, 3);

        // A header promising 100 bytes followed by only 10: what a crash in the middle of a write leaves.
        var torn = new byte[HeaderSize + 10];
        torn[0] = 100;
        torn[4] = 0xAB;
        AppendBytes(SegmentPath(_dir.Path, 0), torn);

        var logger = new CapturingLogger();
        await using (var log = await OpenAsync(options, logger))
        {
            Assert.Equal(3L * FrameSize, log.EndPosition);
            Assert.Equal([0, 1, 2], (await ReadAllAsync(log)).Select(IndexOf));
            var warning = Assert.Single(logger.WithEventId(TornTailEvent));
            Assert.Equal(LogLevel.Warning, warning.Level);
            Assert.Equal(3L * FrameSize, warning.Values["Position"]);
            Assert.Equal((long)torn.Length, warning.Values["BytesDropped"]);

            Assert.Equal(3L * FrameSize, await log.AppendAsync(Payload(3)));
        }

        Assert.Equal(4L * FrameSize, new FileInfo(SegmentPath(_dir.Path, 0)).Length);
        await using var again = await OpenAsync(options, logger);
        Assert.Equal([0, 1, 2, 3], (await ReadAllAsync(again)).Select(IndexOf));
        Assert.Single(logger.WithEventId(TornTailEvent));
    }

    [Fact]
    public async Task Reopen_after_a_file_cut_mid_record_drops_the_cut_record()
    {
        var options = Options(_dir.Path);
        await WriteRecordsAsync(options, 3);
        using (var stream = new FileStream(SegmentPath(_dir.Path, 0), FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length - 5);
        }

        var logger = new CapturingLogger();
        await using var log = await OpenAsync(options, logger);

        Assert.Equal(2L * FrameSize, log.EndPosition);
        Assert.Equal([0, 1], (await ReadAllAsync(log)).Select(IndexOf));
        Assert.Equal((long)FrameSize - 5, Assert.Single(logger.WithEventId(TornTailEvent)).Values["BytesDropped"]);
        Assert.Equal(2L * FrameSize, await log.AppendAsync(Payload(9)));
        Assert.Equal([0, 1, 9], (await ReadAllAsync(log)).Select(IndexOf));
    }

    [Fact]
    public async Task A_flipped_payload_byte_is_detected_by_its_crc_at_open()
    {
        var options = Options(_dir.Path);
        await WriteRecordsAsync(options, 3);
        FlipByte(SegmentPath(_dir.Path, 0), (2 * FrameSize) + HeaderSize + 7);

        var logger = new CapturingLogger();
        await using var log = await OpenAsync(options, logger);

        Assert.Equal([0, 1], (await ReadAllAsync(log)).Select(IndexOf));
        var warning = Assert.Single(logger.WithEventId(TornTailEvent));
        Assert.Equal(2L * FrameSize, warning.Values["Position"]);
        Assert.Equal((long)FrameSize, warning.Values["BytesDropped"]);
    }

    [Fact]
    public async Task A_zero_filled_tail_is_not_mistaken_for_records()
    {
        var options = Options(_dir.Path);
        await WriteRecordsAsync(options, 2);
        AppendBytes(SegmentPath(_dir.Path, 0), new byte[4096]);

        await using var log = await OpenAsync(options);

        Assert.Equal(2L * FrameSize, log.EndPosition);
        Assert.Equal([0, 1], (await ReadAllAsync(log)).Select(IndexOf));
    }

    [Fact]
    public async Task Corruption_in_an_older_segment_stops_reading_there_and_is_logged_without_failing_open()
    {
        // Two records per segment: segments start at 0, 56 and 112.
        var options = Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40);
        await WriteRecordsAsync(options, 6);
        FlipByte(SegmentPath(_dir.Path, 0), FrameSize + HeaderSize + 3);

        var logger = new CapturingLogger();
        await using var log = await OpenAsync(options, logger);

        Assert.Equal(6L * FrameSize, log.EndPosition);
        Assert.Equal([0], (await ReadAllAsync(log)).Select(IndexOf));
        var error = Assert.Single(logger.WithEventId(CorruptRecordEvent));
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal((long)FrameSize, error.Values["Position"]);
        Assert.Empty(logger.WithEventId(TornTailEvent));

        Assert.Equal([2, 3, 4, 5], (await ReadAllAsync(log, from: 56)).Select(IndexOf));
        Assert.Equal(6L * FrameSize, await log.AppendAsync(Payload(6)));
    }

    private static async Task WriteRecordsAsync(TelemetryLogOptions options, int count)
    {
        await using var log = await OpenAsync(options);
        for (var i = 0; i < count; i++)
        {
            await log.AppendAsync(Payload(i));
        }
    }
}
