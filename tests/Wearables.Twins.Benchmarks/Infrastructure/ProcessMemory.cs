using System.Globalization;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>Memory figures Linux keeps per process in <c>/proc/{pid}/status</c>.</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size (VmHWM) in bytes; null where /proc is not available.</summary>
    public static long? PeakResidentBytes(int processId)
    {
        var path = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                // "VmHWM:	  123456 kB"
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
