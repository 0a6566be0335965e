using System.Buffers;
using System.IO.Hashing;

namespace Wearables.Twins.Durability;

/// <summary>
/// Walks the records of one segment from its start, never past <c>limit</c> bytes, and checks each
/// payload against its CRC. Shared by recovery at open and by <see cref="SegmentedTelemetryLog.ReadAsync"/>.
/// </summary>
internal sealed class SegmentReader(FileStream stream, long limit) : IAsyncDisposable
{
    private readonly byte[] _header = new byte[RecordFrame.HeaderSize];
    private uint _expectedCrc;

    /// <summary>Offset in the segment of the next header to read (the end of the last whole record).</summary>
    public long Offset { get; private set; }

    /// <summary>Payload length of the header just read.</summary>
    public int PayloadLength { get; private set; }

    public async ValueTask<FrameStatus> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var remaining = limit - Offset;
        if (remaining == 0)
        {
            return FrameStatus.End;
        }

        if (remaining < RecordFrame.HeaderSize)
        {
            return FrameStatus.Invalid;
        }

        var read = await stream.ReadAtLeastAsync(_header, RecordFrame.HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (read < RecordFrame.HeaderSize
            || !RecordFrame.TryParseHeader(_header, remaining - RecordFrame.HeaderSize, out var length, out _expectedCrc))
        {
            return FrameStatus.Invalid;
        }

        PayloadLength = length;
        return FrameStatus.Record;
    }

    /// <summary>Reads the payload into <paramref name="destination"/> (exactly its length); false if short or the CRC differs.</summary>
    public async ValueTask<bool> ReadPayloadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(destination, PayloadLength, throwOnEndOfStream: false, cancellationToken);
        if (read < PayloadLength || Crc32.HashToUInt32(destination.Span) != _expectedCrc)
        {
            return false;
        }

        Offset += RecordFrame.HeaderSize + PayloadLength;
        return true;
    }

    /// <summary>Checks the payload's CRC without keeping it: a torn tail may claim a huge length.</summary>
    public async ValueTask<bool> VerifyPayloadAsync(CancellationToken cancellationToken)
    {
        var crc = new Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(PayloadLength, 64 * 1024));
        try
        {
            var left = PayloadLength;
            while (left > 0)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(left, buffer.Length)), cancellationToken);
                if (read == 0)
                {
                    return false;
                }

                crc.Append(buffer.AsSpan(0, read));
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (crc.GetCurrentHashAsUInt32() != _expectedCrc)
        {
            return false;
        }

        Offset += RecordFrame.HeaderSize + PayloadLength;
        return true;
    }

    /// <summary>Moves past the payload without reading it (records before the requested start).</summary>
    public void SkipPayload()
    {
        stream.Seek(PayloadLength, SeekOrigin.Current);
        Offset += RecordFrame.HeaderSize + PayloadLength;
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
