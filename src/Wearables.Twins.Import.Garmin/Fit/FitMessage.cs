using System.Buffers.Binary;
using System.Text;

namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>
/// One decoded data message. The reader reuses a single instance and its bytes live in the reader's buffer:
/// it is valid only until the next <see cref="FitReader.ReadAsync"/>.
/// </summary>
internal sealed class FitMessage
{
    private byte[] _buffer = [];
    private int _payload;

    /// <summary>Global message number (20 = record, 18 = session, …).</summary>
    public ushort GlobalNumber => Definition.GlobalNumber;

    public FitDefinition Definition { get; private set; } = new(0, false, [], 0);

    /// <summary>Byte offset of the record header in the stream, for messages to people.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// The message's own time (field 253, a compressed timestamp header, or a monitoring timestamp_16),
    /// in seconds since 1989-12-31T00:00:00Z; null when the message carries none.
    /// </summary>
    public uint? Timestamp { get; private set; }

    /// <summary>The latest timestamp of the file so far (this message's when it has one).</summary>
    public uint? LastTimestamp { get; private set; }

    internal void Set(FitDefinition definition, byte[] buffer, int payload, long offset)
    {
        Definition = definition;
        _buffer = buffer;
        _payload = payload;
        Offset = offset;
        Timestamp = null;
    }

    internal void SetTimes(uint? timestamp, uint? lastTimestamp)
    {
        Timestamp = timestamp;
        LastTimestamp = lastTimestamp;
    }

    public bool Has(byte field) => Definition.TryGetField(field, out _);

    /// <summary>Number of elements of an array field (1 for a scalar), 0 when the field is absent or not a whole number of elements.</summary>
    public int Count(byte field)
    {
        if (!Definition.TryGetField(field, out var definition) || definition.BaseType == FitBaseType.String)
        {
            return 0;
        }

        var size = FitBaseTypes.Size(definition.BaseType);
        return definition.Size % size == 0 ? definition.Size / size : 0;
    }

    /// <summary>The raw element as an unsigned number; false when absent, invalid or negative.</summary>
    public bool TryGetUInt(byte field, out ulong value, int index = 0)
    {
        value = 0;
        if (!TryGetRaw(field, index, out var raw, out var type) || FitBaseTypes.IsFloat(type))
        {
            return false;
        }

        if (FitBaseTypes.IsSigned(type))
        {
            var signed = SignExtend(raw, type);
            if (signed < 0)
            {
                return false;
            }

            value = (ulong)signed;
            return true;
        }

        value = raw;
        return true;
    }

    /// <summary>The element as a number (signed, unsigned or floating point, without scale); false when absent or invalid.</summary>
    public bool TryGetDouble(byte field, out double value, int index = 0)
    {
        value = 0;
        if (!TryGetRaw(field, index, out var raw, out var type))
        {
            return false;
        }

        value = type switch
        {
            FitBaseType.Float32 => BitConverter.Int32BitsToSingle((int)(uint)raw),
            FitBaseType.Float64 => BitConverter.Int64BitsToDouble((long)raw),
            _ when FitBaseTypes.IsSigned(type) => SignExtend(raw, type),
            _ => raw,
        };
        return double.IsFinite(value);
    }

    /// <summary>A string field up to its first NUL, or null when absent or empty.</summary>
    public string? GetString(byte field)
    {
        if (!Definition.TryGetField(field, out var definition) || definition.BaseType != FitBaseType.String)
        {
            return null;
        }

        var bytes = _buffer.AsSpan(_payload + definition.Offset, definition.Size);
        var end = bytes.IndexOf((byte)0);
        if (end >= 0)
        {
            bytes = bytes[..end];
        }

        return bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);
    }

    private bool TryGetRaw(byte field, int index, out ulong raw, out FitBaseType type)
    {
        raw = 0;
        type = FitBaseType.Byte;
        if (!Definition.TryGetField(field, out var definition) || !FitBaseTypes.IsKnown(definition.BaseType)
            || definition.BaseType == FitBaseType.String)
        {
            return false;
        }

        type = definition.BaseType;
        var size = FitBaseTypes.Size(type);
        if (definition.Size % size != 0 || index < 0 || index >= definition.Size / size)
        {
            return false;
        }

        var bytes = _buffer.AsSpan(_payload + definition.Offset + (index * size), size);
        var bigEndian = Definition.BigEndian;
        raw = size switch
        {
            1 => bytes[0],
            2 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
        return raw != FitBaseTypes.Invalid(type);
    }

    private static long SignExtend(ulong raw, FitBaseType type) => type switch
    {
        FitBaseType.SInt8 => (sbyte)(byte)raw,
        FitBaseType.SInt16 => (short)(ushort)raw,
        FitBaseType.SInt32 => (int)(uint)raw,
        _ => (long)raw,
    };
}
