using System.Globalization;
using System.Runtime.InteropServices;

namespace Wearables.Twins.Benchmarks.Reporting;

/// <summary>The machine a benchmark ran on, as Linux describes it; "unknown" where a file is missing.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem, string Kernel, string Runtime, string TempFilesystem)
{
    public static MachineInfo Current() => new(
        Cpu: FirstValue("/proc/cpuinfo", "model name", ':') ?? "unknown",
        Cores: Environment.ProcessorCount,
        Memory: MemoryTotal(),
        OperatingSystem: FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
        Kernel: File.Exists("/proc/sys/kernel/osrelease") ? "Linux " + File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : RuntimeInformation.OSDescription,
        Runtime: RuntimeInformation.FrameworkDescription,
        TempFilesystem: FilesystemOf(Path.GetTempPath()));

    private static string MemoryTotal()
    {
        var text = FirstValue("/proc/meminfo", "MemTotal", ':');
        var kilobytes = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:0.0} GiB")
            : "unknown";
    }

    /// <summary>The file system holding <paramref name="path"/>: the longest mount point that contains it.</summary>
    private static string FilesystemOf(string path)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "unknown";
        }

        var full = Path.GetFullPath(path);
        var best = (Mount: string.Empty, Type: "unknown", Device: string.Empty);
        foreach (var line in File.ReadLines("/proc/mounts"))
        {
            var fields = line.Split(' ');
            if (fields.Length < 3)
            {
                continue;
            }

            var mount = fields[1];
            var contains = full.StartsWith(mount.EndsWith('/') ? mount : mount + "/", StringComparison.Ordinal) || full == mount;
            if (contains && mount.Length >= best.Mount.Length)
            {
                best = (mount, fields[2], fields[0]);
            }
        }

        return $"{best.Type} ({best.Device} on {best.Mount})";
    }

    private static string? FirstValue(string file, string key, char separator)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        foreach (var line in File.ReadLines(file))
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == key)
            {
                return line[(at + 1)..].Trim();
            }
        }

        return null;
    }
}
