namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>
/// FIT base types by their number (the low 5 bits of the base type byte; bit 7 only says the type has an
/// endianness). Each has a fixed element size and an "invalid" value that means "no value".
/// </summary>
internal enum FitBaseType : byte
{
    Enum = 0,
    SInt8 = 1,
    UInt8 = 2,
    SInt16 = 3,
    UInt16 = 4,
    SInt32 = 5,
    UInt32 = 6,
    String = 7,
    Float32 = 8,
    Float64 = 9,
    UInt8z = 10,
    UInt16z = 11,
    UInt32z = 12,
    Byte = 13,
    SInt64 = 14,
    UInt64 = 15,
    UInt64z = 16,
}

internal static class FitBaseTypes
{
    private static readonly byte[] Sizes = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

    /// <summary>The base type number of a base type byte as it appears in a field definition (e.g. 0x84 → uint16).</summary>
    public static FitBaseType FromByte(byte value) => (FitBaseType)(value & 0x1F);

    public static bool IsKnown(FitBaseType type) => (int)type < Sizes.Length;

    /// <summary>Element size in bytes; 1 for an unknown type so that its field reads as a byte array.</summary>
    public static int Size(FitBaseType type) => IsKnown(type) ? Sizes[(int)type] : 1;

    public static bool IsSigned(FitBaseType type) => type is FitBaseType.SInt8 or FitBaseType.SInt16 or FitBaseType.SInt32 or FitBaseType.SInt64;

    public static bool IsFloat(FitBaseType type) => type is FitBaseType.Float32 or FitBaseType.Float64;

    /// <summary>The raw bit pattern that means "invalid" for the type (all ones, the largest positive, or zero for the z types).</summary>
    public static ulong Invalid(FitBaseType type) => type switch
    {
        FitBaseType.Enum or FitBaseType.UInt8 or FitBaseType.Byte => 0xFF,
        FitBaseType.SInt8 => 0x7F,
        FitBaseType.SInt16 => 0x7FFF,
        FitBaseType.UInt16 => 0xFFFF,
        FitBaseType.SInt32 => 0x7FFF_FFFF,
        FitBaseType.UInt32 or FitBaseType.Float32 => 0xFFFF_FFFF,
        FitBaseType.Float64 or FitBaseType.UInt64 => ulong.MaxValue,
        FitBaseType.SInt64 => 0x7FFF_FFFF_FFFF_FFFF,
        FitBaseType.UInt8z or FitBaseType.UInt16z or FitBaseType.UInt32z or FitBaseType.UInt64z => 0,
        FitBaseType.String => 0,
        _ => 0xFF,
    };
}
