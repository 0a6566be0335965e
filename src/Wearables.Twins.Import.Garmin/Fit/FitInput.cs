namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>
/// Forward-only buffered reading of a stream, keeping the running FIT CRC of every byte consumed. The buffer
/// grows only to the largest record the file holds (at most ~128 KiB: 255 fields of 255 bytes plus as many
/// developer fields), so memory stays bounded whatever the file size.
/// </summary>
internal sealed class FitInput(Stream stream)
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Bytes consumed since the start of the stream.</summary>
    public long Position { get; private set; }

    /// <summary>CRC of the bytes consumed since the last <see cref="ResetCrc"/>.</summary>
    public ushort Crc { get; private set; }

    /// <summary>Bytes read from the stream but not consumed yet.</summary>
    public int Available => _end - _start;

    public byte[] Buffer => _buffer;

    /// <summary>Makes at least <paramref name="count"/> bytes available; false when the stream ends first.</summary>
    public async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (Available >= count)
        {
            return true;
        }

        if (count > _buffer.Length)
        {
            var larger = new byte[Math.Max(count, _buffer.Length * 2)];
            System.Buffer.BlockCopy(_buffer, _start, larger, 0, Available);
            _buffer = larger;
            _end = Available;
            _start = 0;
        }
        else if (_buffer.Length - _start < count)
        {
            System.Buffer.BlockCopy(_buffer, _start, _buffer, 0, Available);
            _end = Available;
            _start = 0;
        }

        while (Available < count)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>The next <paramref name="count"/> available bytes, without consuming them.</summary>
    public ReadOnlySpan<byte> Peek(int count) => _buffer.AsSpan(_start, count);

    /// <summary>Consumes <paramref name="count"/> available bytes; returns where they start in <see cref="Buffer"/>.</summary>
    public int Take(int count)
    {
        var at = _start;
        Crc = FitCrc.Update(Crc, _buffer.AsSpan(at, count));
        _start += count;
        Position += count;
        return at;
    }

    public void ResetCrc() => Crc = 0;
}
