using System.Diagnostics;
using System.Globalization;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Simulator;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>
/// Runs the same fleet against the bare broker and the real host, alternately (B, E, B, E, …), so the
/// ratio is measured under the same machine noise.
/// </summary>
internal sealed class IngestBenchmark(IngestSettings settings, TextWriter output)
{
    private static readonly string[] ProblemPrefixes = ["warn:", "fail:", "crit:"];

    public async Task<IReadOnlyList<RoundResult>> RunAsync(CancellationToken cancellationToken)
    {
        if (settings.WarmupSeconds > 0)
        {
            await output.WriteLineAsync($"== warm-up: baseline for {settings.WarmupSeconds} s (not reported)");
            await RunBaselineAsync(0, TimeSpan.FromSeconds(settings.WarmupSeconds), cancellationToken);
        }

        var rounds = new List<RoundResult>();
        var duration = TimeSpan.FromSeconds(settings.Seconds);
        for (var pair = 0; pair < settings.Pairs && !cancellationToken.IsCancellationRequested; pair++)
        {
            var round = rounds.Count + 1;
            await output.WriteLineAsync($"== round {round}: baseline (bare MQTTnet broker), {settings.Seconds} s");
            rounds.Add(await RunBaselineAsync(round, duration, cancellationToken));
            round++;
            await output.WriteLineAsync($"== round {round}: end to end (host process), {settings.Seconds} s");
            rounds.Add(await RunEndToEndAsync(round, duration, cancellationToken));
        }

        return rounds;
    }

    private async Task<RoundResult> RunBaselineAsync(int round, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var broker = await BaselineBroker.StartAsync();
        var options = settings.Simulator(broker.Port, bind: false, api: null, duration);
        var (result, cpu) = await MeasureAsync(options, host: null, cancellationToken);
        return new RoundResult
        {
            Round = round,
            Path = IngestPath.Baseline,
            Publisher = result,
            Saturated = IsSaturated(options, result),
            Cpu = cpu,
            BrokerCounted = (broker.Messages, broker.Samples),
        };
    }

    private async Task<RoundResult> RunEndToEndAsync(int round, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var data = new TempDirectory();
        await using var host = await TwinsHostProcess.StartAsync(data.Path, cancellationToken);
        var logged = host.Output.Length;
        var options = settings.Simulator(host.MqttPort, bind: true, host.BaseAddress, duration);
        var (result, cpu) = await MeasureAsync(options, host, cancellationToken);
        if (host.HasExited)
        {
            throw new InvalidOperationException($"The host exited during round {round}:\n{host.Output}");
        }

        var metrics = await HostMetrics.ScrapeAsync(host.Http, cancellationToken);
        var twins = await TwinVerifier.CheckAsync(host.Http, options, result, metrics, cancellationToken);
        var peak = host.PeakResidentBytes();
        var problems = host.Output[logged..]
            .Split('\n')
            .Where(line => ProblemPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))
            .Select(line => line.TrimEnd())
            .ToArray();
        await output.WriteLineAsync($"   twins: {twins.Describe()}");
        return new RoundResult
        {
            Round = round,
            Path = IngestPath.EndToEnd,
            Publisher = result,
            Saturated = IsSaturated(options, result),
            Cpu = cpu,
            HostPeakRssBytes = peak,
            Twins = twins,
            HostMetrics = metrics,
            HostProblems = problems,
        };
    }

    /// <summary>Runs the fleet and measures the CPU this process, the host and the whole machine used while it ran.</summary>
    private async Task<(SimulatorResult Result, CpuUse Cpu)> MeasureAsync(
        SimulatorOptions options, TwinsHostProcess? host, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        var selfBefore = self.TotalProcessorTime;
        var hostBefore = host?.CpuTime();
        var machineBefore = SystemCpu.Now();
        var wall = Stopwatch.StartNew();
        var result = await new FleetSimulator(output).RunAsync(options, cancellationToken);
        var elapsed = wall.Elapsed;
        var machineBusy = SystemCpu.Now().BusyCoresSince(machineBefore);
        self.Refresh();
        var selfCores = (self.TotalProcessorTime - selfBefore) / elapsed;
        double? hostCores = host is not null && hostBefore is { } before ? (host.CpuTime() - before) / elapsed : null;
        var cpu = new CpuUse(selfCores, hostCores, machineBusy);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   {result.Messages:N0} messages ({result.MessagesPerSecond:N0}/s), {result.Samples:N0} samples ({result.SamplesPerSecond:N0}/s) " +
            $"in {result.Elapsed.TotalSeconds:0.0} s; acks {result.Acks:N0}, non-success {result.NonSuccessAcks}, " +
            $"reconnects {result.Reconnects}, failed publishes {result.PublishFailures}, abandoned {result.Abandoned}"));
        await output.WriteLineAsync(cpu.Describe());
        return (result, cpu);
    }

    /// <summary>The run is only a throughput measurement if no device ever caught up with simulated time.</summary>
    private static bool IsSaturated(SimulatorOptions options, SimulatorResult result)
        => result.SimulatedEnd < result.SimulatedStart + (options.Duration * options.Speed);
}
