using System.Globalization;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Cores and disk writes during a round, by whom, averaged over its wall time.</summary>
/// <param name="WallSeconds">The round's wall time, connecting and binding included.</param>
/// <param name="Publisher">This process: the simulator, and in baseline rounds also the bare broker.</param>
/// <param name="Host">The host process (end to end only).</param>
/// <param name="Machine">The whole machine, from /proc/stat; null where it cannot be read.</param>
/// <param name="HostWriteMegabytesPerSecond">What the host wrote to disk (log, SQLite), in MB/s.</param>
/// <param name="MachineWriteMegabytesPerSecond">What the whole machine wrote to disk, in MB/s.</param>
internal sealed record ResourceUse(
    double WallSeconds,
    double Publisher, double? Host, double? Machine, double? HostWriteMegabytesPerSecond = null, double? MachineWriteMegabytesPerSecond = null)
{
    /// <summary>Disk writes by other processes meanwhile, in MB/s: they compete with the host's fsyncs.</summary>
    public double? OtherWriteMegabytesPerSecond
        => MachineWriteMegabytesPerSecond is { } machine ? Math.Max(0, machine - (HostWriteMegabytesPerSecond ?? 0)) : null;

    /// <summary>Cores other processes (builds, tests, anything else on the box) took meanwhile.</summary>
    public double? Others => Machine is { } machine ? Math.Max(0, machine - Publisher - (Host ?? 0)) : null;

    public string Describe()
        => string.Create(CultureInfo.InvariantCulture,
            $"   cpu: publisher {Publisher:0.00}, host {(Host is { } h ? h.ToString("0.00", CultureInfo.InvariantCulture) : "-")}, " +
            $"others {(Others is { } o ? o.ToString("0.00", CultureInfo.InvariantCulture) : "?")} of {Environment.ProcessorCount} cores; " +
            $"disk writes: host {HostWriteMegabytesPerSecond?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-"} MB/s, " +
            $"others {OtherWriteMegabytesPerSecond?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?"} MB/s");
}
