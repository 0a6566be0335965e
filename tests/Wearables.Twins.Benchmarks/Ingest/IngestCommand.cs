using System.CommandLine;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>The <c>ingest</c> sub-command: options, run, table, docs section, exit code.</summary>
internal static class IngestCommand
{
    private static readonly IngestSettings Defaults = new();

    public static Command Create()
    {
        var devices = new Option<int>("--devices", "-n") { Description = "Simulated devices, one MQTT connection each.", DefaultValueFactory = _ => Defaults.Devices };
        var seconds = new Option<int>("--seconds", "-s") { Description = "Real seconds per measured round.", DefaultValueFactory = _ => Defaults.Seconds };
        var speed = new Option<double>("--speed") { Description = "Simulated seconds per real second; high enough that devices are always behind.", DefaultValueFactory = _ => Defaults.Speed };
        var batch = new Option<int>("--batch-seconds") { Description = "Simulated seconds per message (120 ≈ 35 samples).", DefaultValueFactory = _ => Defaults.BatchSeconds };
        var seed = new Option<int>("--seed") { Description = "Root seed of the simulated patients.", DefaultValueFactory = _ => Defaults.Seed };
        var pairs = new Option<int>("--pairs") { Description = "Baseline/end-to-end pairs, run alternately.", DefaultValueFactory = _ => Defaults.Pairs };
        var warmup = new Option<int>("--warmup-seconds") { Description = "Unreported warm-up of each round's fresh target by a fleet with its own device ids; 0 measures cold targets.", DefaultValueFactory = _ => Defaults.WarmupSeconds };
        var docs = new DocsOptions("ingest");

        var command = new Command("ingest", "Broker-only baseline vs. the real host end to end, same simulated fleet, alternating rounds.")
        {
            devices, seconds, speed, batch, seed, pairs, warmup,
        };
        docs.AddTo(command);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var settings = new IngestSettings
            {
                Devices = parse.GetValue(devices),
                Seconds = parse.GetValue(seconds),
                Speed = parse.GetValue(speed),
                BatchSeconds = parse.GetValue(batch),
                Seed = parse.GetValue(seed),
                Pairs = parse.GetValue(pairs),
                WarmupSeconds = parse.GetValue(warmup),
                DocsPath = docs.PathFrom(parse),
            };
            return await RunAsync(settings, docs, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IngestSettings settings, DocsOptions docs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await BenchmarkCommands.RejectAsync(settings.Validate(), error))
        {
            return BenchmarkCommands.InvalidOptions;
        }

        var (started, machine) = await BenchmarkCommands.StartAsync(output);
        var loadBefore = await BenchmarkCommands.PrintLoadAverageAsync(output);
        var rounds = await new IngestBenchmark(settings, output).RunAsync(cancellationToken);
        var loadAfter = LoadAverage.Read();
        var summary = new IngestSummary(settings, rounds);
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary.ResultsTable().ToPlainText());
        await output.WriteLineAsync(summary.TwinsTable().ToPlainText());
        await output.WriteLineAsync(summary.TimelineTable().ToPlainText());
        await output.WriteLineAsync(summary.RatioLine());
        foreach (var note in IngestNotes.For(rounds))
        {
            await output.WriteLineAsync($"note: {note}");
        }

        await docs.WriteAsync(settings.DocsPath, () => IngestMarkdown.Write(summary, machine, started, (loadBefore, loadAfter)), output, cancellationToken);

        var failed = rounds.Where(r => !r.Ok).ToArray();
        foreach (var round in failed)
        {
            await error.WriteLineAsync($"round {round.Round} ({round.Path}) failed: {round.Publisher.NonSuccessAcks} non-success PUBACKs; twins {round.Twins?.Describe() ?? "not checked"}");
        }

        return failed.Length == 0 ? 0 : 1;
    }
}
