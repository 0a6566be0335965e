using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>
/// The steps every sub-command's run shares around its own measurement: reject unusable settings, print the machine
/// (and the load) first so a saved console log says where the numbers come from. The docs section is <see cref="DocsOptions"/>'.
/// </summary>
internal static class BenchmarkCommands
{
    /// <summary>Exit code of a run refused for its options; 1 is a run whose checks failed, 0 a good one.</summary>
    public const int InvalidOptions = 2;

    /// <summary>Prints each of <paramref name="problems"/> to <paramref name="error"/>; true when there was any, so the run must stop.</summary>
    public static async Task<bool> RejectAsync(IReadOnlyList<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem);
        }

        return problems.Count > 0;
    }

    /// <summary>Starts a run: notes its time and prints the machine it runs on.</summary>
    public static async Task<(DateTimeOffset Started, MachineInfo Machine)> StartAsync(TextWriter output)
    {
        var started = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        await output.WriteLineAsync($"{machine.Cpu}, {machine.Cores} cores, {machine.Memory}, {machine.OperatingSystem}, {machine.Runtime}, {BuildInfo.Configuration} build");
        return (started, machine);
    }

    /// <summary>Reads and prints the load average; the docs name it at the start and the end of a run.</summary>
    public static async Task<string> PrintLoadAverageAsync(TextWriter output)
    {
        var load = LoadAverage.Read();
        await output.WriteLineAsync($"load average (1/5/15 min): {load}");
        return load;
    }
}
