using System.Buffers.Binary;
using System.Text;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>
/// Writes FIT files for tests, independently of the decoder: its own bit-by-bit CRC (CRC-16/ARC), its own
/// encoding of values by base type and byte order. Values: a long/ulong/int or double for a scalar, an array
/// for an array field, a string, or null for the type's invalid value.
/// </summary>
internal sealed class FitFileBuilder
{
    public static readonly DateTimeOffset FitEpoch = new(1989, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private readonly MemoryStream _data = new();
    private readonly Definition?[] _definitions = new Definition?[16];

    /// <summary>12 (legacy) or 14.</summary>
    public int HeaderSize { get; init; } = 14;

    /// <summary>When set, written as the header CRC instead of the right one (0 means "not computed").</summary>
    public ushort? HeaderCrcOverride { get; init; }

    public byte ProtocolVersion { get; init; } = 0x20;

    public static uint Time(DateTimeOffset time) => (uint)(time - FitEpoch).TotalSeconds;

    public FitFileBuilder Define(int local, ushort global, params (byte Number, byte Size, byte BaseType)[] fields)
        => Define(local, global, bigEndian: false, [], fields);

    public FitFileBuilder Define(
        int local, ushort global, bool bigEndian, (byte Number, byte Size, byte DeveloperIndex)[] developerFields,
        params (byte Number, byte Size, byte BaseType)[] fields)
    {
        var header = (byte)(0x40 | local | (developerFields.Length > 0 ? 0x20 : 0));
        _data.WriteByte(header);
        _data.WriteByte(0);
        _data.WriteByte(bigEndian ? (byte)1 : (byte)0);
        Span<byte> number = stackalloc byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(number, global);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(number, global);
        }

        _data.Write(number);
        _data.WriteByte((byte)fields.Length);
        foreach (var (fieldNumber, size, baseType) in fields)
        {
            _data.Write([fieldNumber, size, baseType]);
        }

        if (developerFields.Length > 0)
        {
            _data.WriteByte((byte)developerFields.Length);
            foreach (var (fieldNumber, size, index) in developerFields)
            {
                _data.Write([fieldNumber, size, index]);
            }
        }

        _definitions[local] = new Definition(bigEndian, fields, developerFields.Sum(f => f.Size));
        return this;
    }

    public FitFileBuilder Data(int local, params object?[] values)
    {
        _data.WriteByte((byte)local);
        WriteValues(local, values);
        return this;
    }

    /// <summary>A data message with a compressed timestamp header: local type 0–3 and the low 5 bits of the time.</summary>
    public FitFileBuilder Compressed(int local, int timeOffset, params object?[] values)
    {
        _data.WriteByte((byte)(0x80 | (local << 5) | timeOffset));
        WriteValues(local, values);
        return this;
    }

    /// <summary>Bytes written as they are into the data section.</summary>
    public FitFileBuilder Raw(params byte[] bytes)
    {
        _data.Write(bytes);
        return this;
    }

    public byte[] Build()
    {
        var data = _data.ToArray();
        var file = new MemoryStream();
        var header = new byte[HeaderSize];
        header[0] = (byte)HeaderSize;
        header[1] = ProtocolVersion;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)data.Length);
        ".FIT"u8.CopyTo(header.AsSpan(8));
        if (HeaderSize >= 14)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), HeaderCrcOverride ?? Crc(header.AsSpan(0, 12)));
        }

        file.Write(header);
        file.Write(data);
        var crc = Crc(file.ToArray());
        file.Write([(byte)crc, (byte)(crc >> 8)]);
        return file.ToArray();
    }

    /// <summary>CRC-16/ARC computed bit by bit (reflected polynomial 0xA001, initial 0), as a check on the decoder's nibble table.</summary>
    public static ushort Crc(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var value in bytes)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    private void WriteValues(int local, object?[] values)
    {
        var definition = _definitions[local] ?? throw new InvalidOperationException($"Local type {local} is not defined.");
        if (values.Length != definition.Fields.Length)
        {
            throw new ArgumentException($"{definition.Fields.Length} values expected, {values.Length} given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            var (_, size, baseType) = definition.Fields[i];
            _data.Write(Encode(values[i], size, baseType, definition.BigEndian));
        }

        for (var i = 0; i < definition.DeveloperBytes; i++)
        {
            _data.WriteByte(0xA5);
        }
    }

    private static byte[] Encode(object? value, byte size, byte baseType, bool bigEndian)
    {
        var bytes = new byte[size];
        if (baseType == FitType.String)
        {
            Encoding.UTF8.GetBytes((string?)value ?? string.Empty).AsSpan().CopyTo(bytes);
            return bytes;
        }

        var elementSize = ElementSize(baseType);
        var elements = value switch
        {
            Array array => array.Cast<object?>().ToArray(),
            _ => [value],
        };
        for (var i = 0; i < size / elementSize; i++)
        {
            var element = i < elements.Length ? elements[i] : null;
            var raw = element switch
            {
                null => Invalid(baseType),
                double d when baseType == FitType.Float32 => (ulong)(uint)BitConverter.SingleToInt32Bits((float)d),
                double d => (ulong)BitConverter.DoubleToInt64Bits(d),
                ulong u => u,
                _ => (ulong)Convert.ToInt64(element, System.Globalization.CultureInfo.InvariantCulture),
            };
            var slot = bytes.AsSpan(i * elementSize, elementSize);
            for (var b = 0; b < elementSize; b++)
            {
                var shift = 8 * (bigEndian ? elementSize - 1 - b : b);
                slot[b] = (byte)(raw >> shift);
            }
        }

        return bytes;
    }

    private static int ElementSize(byte baseType) => (baseType & 0x1F) switch
    {
        3 or 4 or 11 => 2,
        5 or 6 or 8 or 12 => 4,
        9 or 14 or 15 or 16 => 8,
        _ => 1,
    };

    private static ulong Invalid(byte baseType) => (baseType & 0x1F) switch
    {
        0 or 2 or 13 => 0xFF,
        1 => 0x7F,
        3 => 0x7FFF,
        4 => 0xFFFF,
        5 => 0x7FFF_FFFF,
        6 or 8 => 0xFFFF_FFFF,
        9 or 15 => ulong.MaxValue,
        14 => 0x7FFF_FFFF_FFFF_FFFF,
        _ => 0,
    };

    private sealed record Definition(bool BigEndian, (byte Number, byte Size, byte BaseType)[] Fields, int DeveloperBytes);
}

/// <summary>Base type bytes as they appear in field definitions.</summary>
internal static class FitType
{
    public const byte Enum = 0x00, SInt8 = 0x01, UInt8 = 0x02, SInt16 = 0x83, UInt16 = 0x84, SInt32 = 0x85, UInt32 = 0x86,
        String = 0x07, Float32 = 0x88, Float64 = 0x89, UInt8z = 0x0A, UInt16z = 0x8B, UInt32z = 0x8C, Byte = 0x0D,
        SInt64 = 0x8E, UInt64 = 0x8F, UInt64z = 0x90;
}
