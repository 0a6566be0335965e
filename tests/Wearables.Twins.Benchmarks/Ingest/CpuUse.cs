using System.Globalization;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>Cores used on average during a round, by whom.</summary>
/// <param name="Publisher">This process: the simulator, and in baseline rounds also the bare broker.</param>
/// <param name="Host">The host process (end to end only).</param>
/// <param name="Machine">The whole machine, from /proc/stat; null where it cannot be read.</param>
internal sealed record CpuUse(double Publisher, double? Host, double? Machine)
{
    /// <summary>Cores other processes (builds, tests, anything else on the box) took meanwhile.</summary>
    public double? Others => Machine is { } machine ? Math.Max(0, machine - Publisher - (Host ?? 0)) : null;

    public string Describe()
        => string.Create(CultureInfo.InvariantCulture,
            $"   cpu: publisher {Publisher:0.00}, host {(Host is { } h ? h.ToString("0.00", CultureInfo.InvariantCulture) : "-")}, " +
            $"others {(Others is { } o ? o.ToString("0.00", CultureInfo.InvariantCulture) : "?")} of {Environment.ProcessorCount} cores");
}
