using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>What Linux tells about the host process beyond its CPU time, read from <c>/proc</c>.</summary>
internal static class HostProcessStats
{
    /// <summary>Bytes the host has caused to be written to storage so far.</summary>
    public static long? BytesWritten(this TwinsHostProcess host) => host.HasExited ? null : DiskWrites.Process(host.ProcessId);

    /// <summary>The host's peak resident set size so far (VmHWM), in bytes.</summary>
    public static long? PeakResidentBytes(this TwinsHostProcess host) => host.HasExited ? null : ProcessMemory.PeakResidentBytes(host.ProcessId);
}
