using System.Buffers.Binary;
using System.IO.Hashing;

namespace Wearables.Twins.Durability;

/// <summary>
/// The on-disk framing of one record: 4-byte little-endian payload length, 4-byte little-endian CRC-32
/// (IEEE, as <see cref="Crc32"/>) of the payload, then the payload.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 8;

    /// <summary>Writes header and payload into <paramref name="destination"/>, which is exactly the frame's size.</summary>
    public static void Write(Span<byte> destination, ReadOnlySpan<byte> payload)
    {
        var body = destination[HeaderSize..];
        payload.CopyTo(body);

        // Hash the copy, not the caller's memory: the caller may change its buffer once it stops waiting.
        BinaryPrimitives.WriteInt32LittleEndian(destination, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Crc32.HashToUInt32(body));
    }

    /// <summary>
    /// Parses a header. False when the length cannot belong to a record: zero (never written, so a zero-filled
    /// tail left by a crash is rejected) or more than the <paramref name="available"/> bytes after the header.
    /// </summary>
    public static bool TryParseHeader(ReadOnlySpan<byte> header, long available, out int length, out uint crc)
    {
        var raw = BinaryPrimitives.ReadUInt32LittleEndian(header);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);

        // The configured MaxRecordBytes is deliberately not a bound here: lowering it must not turn old records into "corruption".
        if (raw == 0 || raw > available || raw > (uint)Array.MaxLength)
        {
            length = 0;
            return false;
        }

        length = (int)raw;
        return true;
    }
}
