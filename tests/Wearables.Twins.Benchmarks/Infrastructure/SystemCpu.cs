using System.Globalization;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>
/// Machine-wide CPU time from the first line of <c>/proc/stat</c>, so a round can tell how much of the box
/// other processes took while it ran.
/// </summary>
internal readonly record struct SystemCpu(long BusyTicks, long TotalTicks)
{
    public static SystemCpu Now()
    {
        if (!File.Exists("/proc/stat"))
        {
            return default;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"
        var fields = File.ReadLines("/proc/stat").First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture))
            .ToArray();
        var total = fields.Sum();
        var idle = fields[3] + fields[4];
        return new SystemCpu(total - idle, total);
    }

    /// <summary>Cores busy on average between <paramref name="earlier"/> and this snapshot; null without /proc/stat.</summary>
    public double? BusyCoresSince(SystemCpu earlier)
    {
        var total = TotalTicks - earlier.TotalTicks;
        return total > 0 ? (double)(BusyTicks - earlier.BusyTicks) / total * Environment.ProcessorCount : null;
    }
}
