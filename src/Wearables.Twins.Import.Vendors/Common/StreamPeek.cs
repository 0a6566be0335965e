namespace Wearables.Twins.Import.Vendors.Common;

/// <summary>
/// Lets an importer look at the first bytes of its input to choose a parser, then read the input from the start.
/// A seekable stream is simply moved back; any other stream is wrapped so the peeked bytes are served again first.
/// </summary>
internal static class StreamPeek
{
    public static async Task<(byte[] Head, Stream Content)> PeekAsync(Stream content, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = await content.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken);
        var head = buffer.AsSpan(0, read).ToArray();
        if (content.CanSeek)
        {
            content.Seek(-read, SeekOrigin.Current);
            return (head, content);
        }

        return (head, new ReplayStream(head, content));
    }

    /// <summary>Serves <c>prefix</c> then the rest of <c>inner</c>; never disposes <c>inner</c> (the caller owns it).</summary>
    private sealed class ReplayStream(byte[] prefix, Stream inner) : Stream
    {
        private int _served;

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
            if (_served < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _served);
                prefix.AsSpan(_served, n).CopyTo(buffer);
                _served += n;
                return n;
            }

            return inner.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_served < prefix.Length)
            {
                return ValueTask.FromResult(Read(buffer.Span));
            }

            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
