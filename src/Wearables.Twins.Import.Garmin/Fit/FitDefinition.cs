namespace Wearables.Twins.Import.Garmin.Fit;

/// <summary>One field of a definition message: its number in the global message, size in bytes, base type and place in the data.</summary>
internal readonly record struct FitFieldDefinition(byte Number, byte Size, FitBaseType BaseType, int Offset);

/// <summary>
/// The layout a definition message gives a local message type: which global message the data messages are,
/// their byte order, their fields, and the total size including developer fields (which are skipped).
/// </summary>
internal sealed class FitDefinition(ushort globalNumber, bool bigEndian, FitFieldDefinition[] fields, int dataSize)
{
    public ushort GlobalNumber { get; } = globalNumber;

    public bool BigEndian { get; } = bigEndian;

    public IReadOnlyList<FitFieldDefinition> Fields => fields;

    /// <summary>Bytes of one data message after its record header: regular fields plus developer fields.</summary>
    public int DataSize { get; } = dataSize;

    /// <summary>The first definition of <paramref name="number"/>; a repeated field number is ignored.</summary>
    public bool TryGetField(byte number, out FitFieldDefinition field)
    {
        foreach (var candidate in fields)
        {
            if (candidate.Number == number)
            {
                field = candidate;
                return true;
            }
        }

        field = default;
        return false;
    }
}
