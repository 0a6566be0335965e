namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>
/// The FIT CRC-16 as the protocol describes it: a 16-entry table applied to the low then the high nibble of
/// each byte (the reflected 0xA001 polynomial, initial value 0). A file's CRC covers its header and data;
/// running the CRC over the data followed by the stored CRC (little-endian) gives 0.
/// </summary>
internal static class FitCrc
{
    private static readonly ushort[] Table =
    [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
        0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];

    public static ushort Update(ushort crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var value in bytes)
        {
            crc = UpdateNibble(crc, value & 0x0F);
            crc = UpdateNibble(crc, value >> 4);
        }

        return crc;
    }

    public static ushort Compute(ReadOnlySpan<byte> bytes) => Update(0, bytes);

    private static ushort UpdateNibble(ushort crc, int nibble)
    {
        var mixed = Table[crc & 0x0F];
        crc = (ushort)((crc >> 4) & 0x0FFF);
        return (ushort)(crc ^ mixed ^ Table[nibble]);
    }
}
