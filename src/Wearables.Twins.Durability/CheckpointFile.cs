using System.Buffers.Binary;
using System.IO.Hashing;

namespace Wearables.Twins.Durability;

/// <summary>
/// The checkpoint: 8-byte little-endian position and a 4-byte CRC-32 of those 8 bytes, in a file named
/// <c>checkpoint</c>. Replaced atomically: a crash leaves either the old or the new value, never a mix.
/// </summary>
internal static class CheckpointFile
{
    private const string FileName = "checkpoint";
    private const string TempFileName = "checkpoint.tmp";
    private const int Size = 12;

    /// <summary>Reads the checkpoint: null when the file is missing; throws <see cref="InvalidDataException"/> if damaged.</summary>
    public static long? Read(string directory)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(directory, FileName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (bytes.Length != Size || Crc32.HashToUInt32(bytes.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)))
        {
            throw new InvalidDataException($"The checkpoint file holds {bytes.Length} bytes that do not pass their checksum.");
        }

        var position = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        return position >= 0 ? position : throw new InvalidDataException($"The checkpoint file holds a negative position {position}.");
    }

    /// <summary>Writes temp file, fsyncs it, renames it over the old one, then fsyncs the folder so the rename itself survives.</summary>
    /// <returns>False when the folder could not be fsynced on this platform.</returns>
    public static bool Write(string directory, long position)
    {
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, position);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Crc32.HashToUInt32(bytes[..8]));

        var temp = Path.Combine(directory, TempFileName);
        using (var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(handle, bytes, 0);
            RandomAccess.FlushToDisk(handle);
        }

        File.Move(temp, Path.Combine(directory, FileName), overwrite: true);
        return DirectorySync.TryFlush(directory);
    }

    /// <summary>Removes a temp file a crash left behind mid-write; the real checkpoint is untouched by it.</summary>
    public static void DeleteLeftover(string directory) => File.Delete(Path.Combine(directory, TempFileName));
}
