using System.Buffers.Binary;
using System.IO.Hashing;
using static Wearables.Twins.Durability.Tests.TestLogs;

namespace Wearables.Twins.Durability.Tests;

public sealed class AppendAndReadTests : IDisposable
{
    // 20-byte payloads make 28-byte frames: two fit in a 64-byte segment, the third starts a new one.
    private const int FrameSize = HeaderSize + 20;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Appended_records_read_back_in_order_with_their_positions_across_segment_rolls()
    {
        await using var log = await OpenAsync(Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40));

        var positions = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            positions.Add(await log.AppendAsync(Payload(i)));
        }

        // Positions are global byte offsets: contiguous frames, and a new segment starts where the last one ended.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i * FrameSize), positions);
        Assert.Equal(10L * FrameSize, log.EndPosition);
        Assert.Equal([0L, 56, 112, 168, 224], SegmentStarts(_dir.Path));

        var records = await ReadAllAsync(log);
        Assert.Equal(Enumerable.Range(0, 10), records.Select(IndexOf));
        Assert.Equal(positions, records.Select(r => r.Position));
        Assert.Equal(positions.Skip(1).Append(log.EndPosition), records.Select(r => r.NextPosition));
        Assert.All(records, r => Assert.Equal(Payload(IndexOf(r)), r.Payload.ToArray()));
    }

    [Fact]
    public async Task ReadAsync_from_a_record_position_starts_at_that_record()
    {
        await using var log = await OpenAsync(Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40));
        var positions = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            positions.Add(await log.AppendAsync(Payload(i)));
        }

        var records = await ReadAllAsync(log, from: positions[3]);

        Assert.Equal([3, 4, 5, 6], records.Select(IndexOf));
    }

    [Fact]
    public async Task ReadAsync_from_inside_a_record_starts_at_the_next_record()
    {
        await using var log = await OpenAsync(Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40));
        for (var i = 0; i < 7; i++)
        {
            await log.AppendAsync(Payload(i));
        }

        var records = await ReadAllAsync(log, from: (3 * FrameSize) + 5);

        Assert.Equal([4, 5, 6], records.Select(IndexOf));
    }

    [Fact]
    public async Task ReadAsync_stops_at_the_end_as_of_the_call()
    {
        await using var log = await OpenAsync(Options(_dir.Path));
        await log.AppendAsync(Payload(0));
        await log.AppendAsync(Payload(1));

        var seen = new List<int>();
        await foreach (var record in log.ReadAsync(0))
        {
            seen.Add(IndexOf(record));
            await log.AppendAsync(Payload(100 + seen.Count));
        }

        Assert.Equal([0, 1], seen);
        Assert.Equal(4, (await ReadAllAsync(log)).Count);
    }

    [Fact]
    public async Task One_batch_that_overflows_a_segment_rolls_within_the_batch()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(_dir.Path, segmentSizeBytes: 64, maxRecordBytes: 40);
        long[] positions;
        await using (var log = await OpenAsync(options, hooks: new TestHooks { WriterGate = gate.Task }))
        {
            var appends = Enumerable.Range(0, 5).Select(i => log.AppendAsync(Payload(i)).AsTask()).ToArray();
            gate.SetResult();
            positions = await Task.WhenAll(appends);
        }

        Assert.Equal([0L, 28, 56, 84, 112], positions);
        Assert.Equal([0L, 56, 112], SegmentStarts(_dir.Path));
        await using var reopened = await OpenAsync(options);
        Assert.Equal([0, 1, 2, 3, 4], (await ReadAllAsync(reopened)).Select(IndexOf));
    }

    [Fact]
    public async Task An_acknowledged_record_is_already_framed_in_its_segment_file()
    {
        await using var log = await OpenAsync(Options(_dir.Path));
        var payload = Payload(7);

        var position = await log.AppendAsync(payload);

        // Read while the log is still open: acknowledgement must not wait for dispose to reach the file.
        byte[] file;
        using (var stream = new FileStream(SegmentPath(_dir.Path, 0), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            file = new byte[stream.Length];
            stream.ReadExactly(file);
        }

        var frame = file.AsSpan((int)position);
        Assert.Equal(HeaderSize + payload.Length, file.Length);
        Assert.Equal(payload.Length, BinaryPrimitives.ReadInt32LittleEndian(frame));
        Assert.Equal(Crc32.HashToUInt32(payload), BinaryPrimitives.ReadUInt32LittleEndian(frame[4..]));
        Assert.Equal(payload, frame[HeaderSize..].ToArray());
    }

    [Fact]
    public async Task AppendAsync_refuses_empty_and_oversized_records()
    {
        await using var log = await OpenAsync(Options(_dir.Path, maxRecordBytes: 100));

        Assert.Throws<ArgumentException>("record", () => { _ = log.AppendAsync(ReadOnlyMemory<byte>.Empty).AsTask(); });
        Assert.Throws<ArgumentException>("record", () => { _ = log.AppendAsync(new byte[101]).AsTask(); });
        Assert.Equal(0, await log.AppendAsync(new byte[100]));
    }
}
