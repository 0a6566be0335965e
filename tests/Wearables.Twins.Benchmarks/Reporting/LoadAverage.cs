namespace Wearables.Twins.Benchmarks.Reporting;

/// <summary>The 1/5/15-minute load averages from <c>/proc/loadavg</c>: how busy the box was around a run.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return "unknown";
        }

        var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]}" : "unknown";
    }
}
