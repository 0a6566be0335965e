using System.Globalization;
using System.Text;
using Wearables.Twins.Benchmarks.Infrastructure;

namespace Wearables.Twins.Benchmarks.Reporting;

/// <summary>The blocks the docs sections share: the machine a host benchmark ran on, how to reproduce it, the run's notes.</summary>
internal static class BenchmarkMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The <b>Machine</b> block of a benchmark that starts the real host process: its build and data directory are named,
    /// and the load around the run; <paramref name="during"/>, when given, is a last line on the measurement itself.
    /// </summary>
    public static void AppendHostMachine(StringBuilder text, MachineInfo machine, DateTimeOffset started, (string Before, string After) load, string? during = null)
    {
        text.AppendLine("**Machine**").AppendLine();
        text.AppendLine(Invariant, $"- CPU: {machine.Cpu}, {machine.Cores} cores");
        text.AppendLine(Invariant, $"- Memory: {machine.Memory}");
        text.AppendLine(Invariant, $"- OS: {machine.OperatingSystem} ({machine.Kernel})");
        text.AppendLine(Invariant, $"- .NET runtime: {machine.Runtime}; benchmark and host built in {BuildInfo.Configuration}");
        text.AppendLine(Invariant, $"- Data directory file system: {machine.TempFilesystem}");
        text.AppendLine(Invariant, $"- Date: {started.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Load average (1/5/15 min): {load.Before} at the start, {load.After} at the end");
        if (during is not null)
        {
            text.AppendLine(Invariant, $"- During the measurement: {during}");
        }

        text.AppendLine();
    }

    /// <summary>The <b>Reproduce</b> block: <paramref name="command"/> in a bash fence.</summary>
    public static void AppendReproduce(StringBuilder text, string command)
    {
        text.AppendLine("**Reproduce** (from the repository root)").AppendLine();
        text.AppendLine("```bash").AppendLine(command).AppendLine("```").AppendLine();
    }

    /// <summary>The <b>Notes from this run</b> list; nothing at all when there are none.</summary>
    public static void AppendNotes(StringBuilder text, IReadOnlyList<string> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        text.AppendLine("**Notes from this run**").AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine(Invariant, $"- {note}");
        }
    }
}
