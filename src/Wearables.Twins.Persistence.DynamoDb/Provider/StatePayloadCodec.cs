using System.IO.Compression;

namespace Wearables.Twins.Persistence.DynamoDb;

/// <summary>
/// Compresses large serialized states with Brotli, and splits what is still too large for one item into chunks.
/// </summary>
internal static class StatePayloadCodec
{
    public const string Raw = "raw";
    public const string Brotli = "br";

    // Quality 4 is Brotli's knee: close to gzip's ratio at several times its speed; the window fits 4 MB states.
    private const int Quality = 4;
    private const int Window = 22;

    public static EncodedPayload Encode(ReadOnlyMemory<byte> serialized, int compressionThresholdBytes)
    {
        if (serialized.Length > 0 && serialized.Length >= compressionThresholdBytes)
        {
            var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(serialized.Length)];
            if (BrotliEncoder.TryCompress(serialized.Span, buffer, out var written, Quality, Window) && written < serialized.Length)
            {
                return new EncodedPayload(buffer.AsMemory(0, written), Brotli, serialized.Length);
            }
        }

        // Incompressible (or small): storing it as is costs less than a compressed copy that is no smaller.
        return new EncodedPayload(serialized, Raw, serialized.Length);
    }

    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> stored, string encoding, int rawLength)
    {
        switch (encoding)
        {
            case Raw:
                return stored;
            case Brotli:
                var buffer = new byte[rawLength];
                if (!BrotliDecoder.TryDecompress(stored.Span, buffer, out var written) || written != rawLength)
                {
                    throw new InvalidDataException($"A Brotli-compressed grain state did not decompress to its recorded {rawLength} bytes.");
                }

                return buffer;
            default:
                throw new InvalidDataException($"Unknown grain state encoding '{encoding}'.");
        }
    }

    /// <summary>Cuts <paramref name="bytes"/> into consecutive pieces of at most <paramref name="chunkSize"/> bytes.</summary>
    public static ReadOnlyMemory<byte>[] Split(ReadOnlyMemory<byte> bytes, int chunkSize)
    {
        var count = (bytes.Length + chunkSize - 1) / chunkSize;
        var chunks = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            var start = i * chunkSize;
            chunks[i] = bytes.Slice(start, Math.Min(chunkSize, bytes.Length - start));
        }

        return chunks;
    }
}
