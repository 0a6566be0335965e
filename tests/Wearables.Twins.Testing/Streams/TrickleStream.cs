namespace Wearables.Twins.Testing.Streams;

/// <summary>
/// A request body as a server sees it: it cannot seek, and each read hands out at most
/// <c>maxBytesPerRead</c> bytes however large the buffer is. Readers that assume one read fills a buffer, or that
/// rewind, break on it; an odd chunk size (7, 13, 997) makes records straddle reads at every possible offset.
/// </summary>
/// <remarks>
/// <see cref="Position"/> can be read (how many bytes were handed out, which progress reporting uses) but not set.
/// </remarks>
public sealed class TrickleStream : Stream
{
    private readonly byte[] _content;
    private readonly int _maxBytesPerRead;
    private int _position;

    public TrickleStream(byte[] content, int maxBytesPerRead)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytesPerRead);
        _content = content;
        _maxBytesPerRead = maxBytesPerRead;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(Math.Min(buffer.Length, _maxBytesPerRead), _content.Length - _position);
        _content.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    // Synchronous underneath: the base class would queue every small read to the thread pool.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<int>(cancellationToken)
            : ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
