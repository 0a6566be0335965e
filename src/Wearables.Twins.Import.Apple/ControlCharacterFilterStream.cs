using System.Buffers;

namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Replaces the C0 control characters XML 1.0 forbids (all below U+0020 except tab, line feed and carriage
/// return) with spaces as the bytes go by. iOS 16 exports carry raw U+000B in some attribute values, and the
/// XmlReader stops at a raw forbidden character whatever its settings, which would end the whole import there.
/// Working on bytes is safe: in UTF-8 a byte below 0x20 is always that ASCII character, never part of another.
/// Forward-only; it does not own the inner stream.
/// </summary>
internal sealed class ControlCharacterFilterStream(Stream inner) : Stream
{
    private static readonly SearchValues<byte> Forbidden = SearchValues.Create(
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x0F,
         0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F]);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Clean(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Clean(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private static void Clean(Span<byte> bytes)
    {
        int found;
        while ((found = bytes.IndexOfAny(Forbidden)) >= 0)
        {
            bytes[found] = (byte)' ';
            bytes = bytes[(found + 1)..];
        }
    }
}
