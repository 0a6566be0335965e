using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Wearables.Twins.Durability;

/// <summary>Names and opens segment files: <c>{start position, 20 digits}.seg</c>.</summary>
internal static class SegmentFiles
{
    private const string Extension = ".seg";
    private const int DigitCount = 20;

    public static string PathFor(string directory, long start)
        => Path.Combine(directory, start.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Start positions of the segments in <paramref name="directory"/>, ascending; other files are ignored.</summary>
    public static List<long> List(string directory)
    {
        var starts = new List<long>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension))
        {
            var name = Path.GetFileName(path.AsSpan());
            if (name.Length == DigitCount + Extension.Length
                && name.EndsWith(Extension, StringComparison.Ordinal)
                && long.TryParse(name[..DigitCount], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                starts.Add(start);
            }
        }

        starts.Sort();
        return starts;
    }

    // Readers open with FileShare.ReadWrite | Delete, so the writer shares Read and Delete: reads and checkpoint
    // deletions never block on the writer, and the writer never blocks on them.
    public static SafeFileHandle CreateNew(string directory, long start)
        => File.OpenHandle(PathFor(directory, start), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);

    public static SafeFileHandle OpenForAppend(string directory, long start)
        => File.OpenHandle(PathFor(directory, start), FileMode.Open, FileAccess.Write, FileShare.Read | FileShare.Delete);

    /// <summary>Opens a segment for sequential reading; null when a checkpoint deleted it meanwhile.</summary>
    public static FileStream? TryOpenForRead(string directory, long start)
    {
        try
        {
            return new FileStream(PathFor(directory, start), new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 64 * 1024,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
