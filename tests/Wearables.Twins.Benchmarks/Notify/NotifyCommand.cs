using System.CommandLine;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>The <c>notify</c> sub-command: detect-to-notify latency (sample acknowledged → recommendation queued → email accepted by SMTP).</summary>
internal static class NotifyCommand
{
    private static readonly NotifySettings Defaults = new();

    public static Command Create()
    {
        var patients = new Option<int>("--patients", "-n") { Description = "Measured patients, one AF episode and one email each.", DefaultValueFactory = _ => Defaults.Patients };
        var concurrent = new Option<int>("--concurrent") { Description = "Streams posting episodes side by side, each at its own random pace.", DefaultValueFactory = _ => Defaults.Concurrent };
        var minPause = new Option<int>("--min-pause-ms") { Description = "Shortest time between the starts of two posts of one stream.", DefaultValueFactory = _ => Defaults.MinPauseMilliseconds };
        var maxPause = new Option<int>("--max-pause-ms") { Description = "Longest time between the starts of two posts of one stream.", DefaultValueFactory = _ => Defaults.MaxPauseMilliseconds };
        var warmup = new Option<int>("--warmup") { Description = "Unreported patients sent through first, one at a time.", DefaultValueFactory = _ => Defaults.Warmup };
        var seed = new Option<int>("--seed") { Description = "Seed of the pauses and the tachograms.", DefaultValueFactory = _ => Defaults.Seed };
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long to wait for the last email after the last post.", DefaultValueFactory = _ => Defaults.TimeoutSeconds };
        var docs = new DocsOptions("notify");

        var command = new Command("notify", "Detect-to-notify latency: AF episode acknowledged → recommendation on the workers' queue → email accepted by SMTP.")
        {
            patients, concurrent, minPause, maxPause, warmup, seed, timeout,
        };
        docs.AddTo(command);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var settings = new NotifySettings
            {
                Patients = parse.GetValue(patients),
                Concurrent = parse.GetValue(concurrent),
                MinPauseMilliseconds = parse.GetValue(minPause),
                MaxPauseMilliseconds = parse.GetValue(maxPause),
                Warmup = parse.GetValue(warmup),
                Seed = parse.GetValue(seed),
                TimeoutSeconds = parse.GetValue(timeout),
                DocsPath = docs.PathFrom(parse),
            };
            return await RunAsync(settings, docs, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(NotifySettings settings, DocsOptions docs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await BenchmarkCommands.RejectAsync(settings.Validate(), error))
        {
            return BenchmarkCommands.InvalidOptions;
        }

        var (started, machine) = await BenchmarkCommands.StartAsync(output);
        var loadBefore = await BenchmarkCommands.PrintLoadAverageAsync(output);
        var result = await new NotifyBenchmark(settings, output).RunAsync(cancellationToken);
        var loadAfter = LoadAverage.Read();
        var summary = new NotifySummary(settings, result);
        await output.WriteLineAsync();
        await output.WriteLineAsync(summary.StageTable().ToPlainText());
        await output.WriteLineAsync(summary.ResourceLine());
        foreach (var note in summary.Notes())
        {
            await output.WriteLineAsync($"note: {note}");
        }

        await docs.WriteAsync(settings.DocsPath, () => NotifyMarkdown.Write(summary, machine, started, (loadBefore, loadAfter)), output, cancellationToken);

        return summary.Ok ? 0 : 1;
    }
}
