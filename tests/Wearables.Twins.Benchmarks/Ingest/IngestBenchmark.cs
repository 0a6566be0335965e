using System.Diagnostics;
using System.Globalization;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Simulator;
using Wearables.Twins.Testing.Hosting;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>
/// Runs the same fleet against the bare broker and the real host, alternately (B, E, B, E, …), so the
/// ratio is measured under the same machine noise. Each round gets a fresh target, warms it up with a fleet
/// of its own, then measures.
/// </summary>
internal sealed class IngestBenchmark(IngestSettings settings, TextWriter output)
{
    private const string CheckpointCategory = "Wearables.Twins.Ingest.Durability.CheckpointService";
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);
    private static readonly string[] ProblemPrefixes = ["warn:", "fail:", "crit:"];

    /// <summary>The host logs each completed checkpoint at Debug; this turns on just that line.</summary>
    private static readonly Dictionary<string, string> HostSettings = new()
    {
        [$"Logging:LogLevel:{CheckpointCategory}"] = "Debug",
    };

    public async Task<IReadOnlyList<RoundResult>> RunAsync(CancellationToken cancellationToken)
    {
        if (settings.WarmupSeconds > 0)
        {
            // The publisher (this process) is as cold as any target at first: warm its JIT once, against a throwaway broker.
            await output.WriteLineAsync($"== publisher warm-up against a throwaway broker, {settings.WarmupSeconds} s (not reported)");
            await using var broker = await BaselineBroker.StartAsync();
            await WarmUpAsync(settings.WarmUp(broker.Port, bind: false, api: null), cancellationToken);
        }

        var rounds = new List<RoundResult>();
        for (var pair = 0; pair < settings.Pairs && !cancellationToken.IsCancellationRequested; pair++)
        {
            await output.WriteLineAsync($"== round {rounds.Count + 1}: baseline (bare MQTTnet broker), {settings.Seconds} s");
            rounds.Add(await RunBaselineAsync(rounds.Count + 1, cancellationToken));
            await output.WriteLineAsync($"== round {rounds.Count + 1}: end to end (host process), {settings.Seconds} s");
            rounds.Add(await RunEndToEndAsync(rounds.Count + 1, cancellationToken));
        }

        return rounds;
    }

    private async Task<RoundResult> RunBaselineAsync(int round, CancellationToken cancellationToken)
    {
        await using var broker = await BaselineBroker.StartAsync();
        await WarmUpAsync(settings.WarmUp(broker.Port, bind: false, api: null), cancellationToken);
        var (messagesBefore, samplesBefore) = (broker.Messages, broker.Samples);
        var options = settings.Simulator(broker.Port, bind: false, api: null, TimeSpan.FromSeconds(settings.Seconds));
        await using var sampler = new RateSampler(_ => Task.FromResult<long?>(broker.Messages), SampleInterval);
        var (result, resources) = await MeasureAsync(options, host: null, sampler, cancellationToken);
        return new RoundResult
        {
            Round = round,
            Path = IngestPath.Baseline,
            Publisher = result,
            Saturated = IsSaturated(options, result),
            Resources = resources,
            BrokerCounted = (broker.Messages - messagesBefore, broker.Samples - samplesBefore),
            IntervalRates = sampler.Rates,
        };
    }

    private async Task<RoundResult> RunEndToEndAsync(int round, CancellationToken cancellationToken)
    {
        using var data = new TempDirectory();
        await using var host = await BenchmarkHost.StartAsync(data.Path, HostSettings, cancellationToken);
        await WarmUpAsync(settings.WarmUp(host.MqttPort, bind: true, host.BaseAddress) with { ApiToken = host.AdminToken }, cancellationToken);
        var before = await HostMetrics.SettledAsync(host.Http, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var options = settings.Simulator(host.MqttPort, bind: true, host.BaseAddress, TimeSpan.FromSeconds(settings.Seconds)) with { ApiToken = host.AdminToken };
        await using var sampler = new RateSampler(
            async token => (await HostMetrics.ScrapeAsync(host.Http, token)).MessagesReceived, SampleInterval);
        var (result, resources) = await MeasureAsync(options, host, sampler, cancellationToken);
        if (host.HasExited)
        {
            throw new InvalidOperationException($"The host exited during round {round}:\n{host.Output}");
        }

        var metrics = (await HostMetrics.SettledAsync(host.Http, cancellationToken)).Since(before);
        var twins = await TwinVerifier.CheckAsync(host.Http, options, result, metrics, cancellationToken);
        var peak = host.PeakResidentBytes();
        var lines = host.LinesSince(started);
        await output.WriteLineAsync($"   twins: {twins.Describe()}");
        return new RoundResult
        {
            Round = round,
            Path = IngestPath.EndToEnd,
            Publisher = result,
            Saturated = IsSaturated(options, result),
            Resources = resources,
            HostPeakRssBytes = peak,
            Twins = twins,
            HostMetrics = metrics,
            IntervalRates = sampler.Rates,
            Checkpoints = [.. lines
                .Where(l => l.Line.StartsWith($"dbug: {CheckpointCategory}", StringComparison.Ordinal))
                .Select(l => (l.At - started).TotalSeconds)],
            HostProblems = [.. lines
                .Select(l => l.Line.TrimEnd())
                .Where(line => ProblemPrefixes.Any(p => line.StartsWith(p, StringComparison.Ordinal)))],
        };
    }

    /// <summary>An unreported run with its own device ids, so the measured round starts on a warm target.</summary>
    private async Task WarmUpAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        if (options.Duration <= TimeSpan.Zero)
        {
            return;
        }

        var result = await new FleetSimulator(output: null).RunAsync(options, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   warm-up: {result.Messages:N0} messages ({result.MessagesPerSecond:N0}/s) in {result.Elapsed.TotalSeconds:0.0} s, non-success {result.NonSuccessAcks}"));
    }

    /// <summary>Runs the fleet and measures the CPU and disk writes of this process, the host and the whole machine meanwhile.</summary>
    private async Task<(SimulatorResult Result, ResourceUse Resources)> MeasureAsync(
        SimulatorOptions options, TwinsHostProcess? host, RateSampler sampler, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        var selfBefore = self.TotalProcessorTime;
        var hostBefore = host?.CpuTime();
        var machineBefore = SystemCpu.Now();
        var diskBefore = DiskWrites.Machine();
        var hostWrittenBefore = host?.BytesWritten();
        var wall = Stopwatch.StartNew();
        sampler.Start();
        var result = await new FleetSimulator(output).RunAsync(options, cancellationToken);
        await sampler.StopAsync();
        var elapsed = wall.Elapsed;
        var machineBusy = SystemCpu.Now().BusyCoresSince(machineBefore);
        var seconds = elapsed.TotalSeconds;
        double? machineWrites = DiskWrites.Machine() is { } diskAfter && diskBefore is { } diskStart ? (diskAfter - diskStart) / 1e6 / seconds : null;
        double? hostWrites = host?.BytesWritten() is { } hostAfter && hostWrittenBefore is { } hostStart ? (hostAfter - hostStart) / 1e6 / seconds : null;
        self.Refresh();
        var selfCores = (self.TotalProcessorTime - selfBefore) / elapsed;
        double? hostCores = host is not null && hostBefore is { } before ? (host.CpuTime() - before) / elapsed : null;
        var resources = new ResourceUse(seconds, selfCores, hostCores, machineBusy, hostWrites, machineWrites);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"   {result.Messages:N0} messages ({result.MessagesPerSecond:N0}/s), {result.Samples:N0} samples ({result.SamplesPerSecond:N0}/s) " +
            $"in {result.Elapsed.TotalSeconds:0.0} s; acks {result.Acks:N0}, non-success {result.NonSuccessAcks}, " +
            $"reconnects {result.Reconnects}, failed publishes {result.PublishFailures}, abandoned {result.Abandoned}"));
        await output.WriteLineAsync(resources.Describe());
        return (result, resources);
    }

    /// <summary>The run is only a throughput measurement if no device ever caught up with simulated time.</summary>
    private static bool IsSaturated(SimulatorOptions options, SimulatorResult result)
        => result.SimulatedEnd < result.SimulatedStart + (options.Duration * options.Speed);
}
