using System.Globalization;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>Bytes written to disk, machine-wide (<c>/proc/diskstats</c>) and per process (<c>/proc/{pid}/io</c>).</summary>
internal static class DiskWrites
{
    private const long SectorBytes = 512;

    /// <summary>Bytes written to every whole disk (not partitions, loop or RAM devices) since boot; null without /proc.</summary>
    public static long? Machine()
    {
        if (!File.Exists("/proc/diskstats"))
        {
            return null;
        }

        long total = 0;
        foreach (var line in File.ReadLines("/proc/diskstats"))
        {
            // "major minor name reads merged sectors ms writes merged sectors-written ms …"
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || fields[2].StartsWith("loop", StringComparison.Ordinal) || fields[2].StartsWith("ram", StringComparison.Ordinal)
                || !Directory.Exists($"/sys/block/{fields[2]}"))
            {
                continue;
            }

            total += long.Parse(fields[9], CultureInfo.InvariantCulture) * SectorBytes;
        }

        return total;
    }

    /// <summary>Bytes a process caused to be written to storage (<c>write_bytes</c>); null where /proc/{pid}/io cannot be read.</summary>
    public static long? Process(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/io"))
            {
                if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                {
                    return long.Parse(line["write_bytes:".Length..].Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Gone, or not ours to read.
        }

        return null;
    }
}
