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
        var docs = new Option<string>("--docs") { Description = "Markdown file whose notify section is rewritten.", DefaultValueFactory = _ => BenchmarkDocument.DefaultPath(BuildInfo.RepositoryRoot) };
        var noDocs = new Option<bool>("--no-docs") { Description = "Print the table only; leave the docs alone." };

        var command = new Command("notify", "Detect-to-notify latency: AF episode acknowledged → recommendation on the workers' queue → email accepted by SMTP.")
        {
            patients, concurrent, minPause, maxPause, warmup, seed, timeout, docs, noDocs,
        };
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
                DocsPath = parse.GetValue(noDocs) ? null : parse.GetValue(docs),
            };
            return await RunAsync(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(NotifySettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            return 2;
        }

        var started = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Current();
        await output.WriteLineAsync($"{machine.Cpu}, {machine.Cores} cores, {machine.Memory}, {machine.OperatingSystem}, {machine.Runtime}, {BuildInfo.Configuration} build");
        var loadBefore = LoadAverage.Read();
        await output.WriteLineAsync($"load average (1/5/15 min): {loadBefore}");
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

        if (settings.DocsPath is { } path && !cancellationToken.IsCancellationRequested)
        {
            await BenchmarkDocument.WriteSectionAsync(path, "notify", NotifyMarkdown.Write(summary, machine, started, (loadBefore, loadAfter)), cancellationToken);
            await output.WriteLineAsync($"wrote {Path.GetFullPath(path)}");
        }

        return summary.Ok ? 0 : 1;
    }
}
