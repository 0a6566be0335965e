using System.CommandLine;
using System.Globalization;
using Wearables.Twins.Benchmarks.Infrastructure;

namespace Wearables.Twins.Benchmarks.AppleImport;

/// <summary>
/// The <c>apple-import</c> sub-command: generates an <c>export.xml</c> once, then reads it alternately with a bare
/// <see cref="System.Xml.XmlReader"/> and with the Apple Health importer (twice each), prints a table and rewrites its
/// section of docs/benchmarks.md.
/// </summary>
internal static class AppleImportCommand
{
    public const int DefaultMegabytes = 1024;
    private const int Pairs = 2;

    public static Command Create()
    {
        var megabytes = new Option<int>("--megabytes", "-m") { Description = "Size of the generated export.xml in MiB.", DefaultValueFactory = _ => DefaultMegabytes };
        var docs = new DocsOptions("apple-import");
        var command = new Command("apple-import", "Apple Health export.xml: bare XmlReader scan vs. the importer, same generated file, alternating.")
        {
            megabytes,
        };
        docs.AddTo(command);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var size = parse.GetValue(megabytes);
            if (size <= 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--megabytes must be positive.");
                return BenchmarkCommands.InvalidOptions;
            }

            return await RunAsync(size, docs, docs.PathFrom(parse), parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(int megabytes, DocsOptions docs, string? docsPath, TextWriter output, CancellationToken cancellationToken)
    {
        var (started, machine) = await BenchmarkCommands.StartAsync(output);
        var file = Path.Combine(Path.GetTempPath(), $"twins-bench-export-{Guid.NewGuid():N}.xml");
        try
        {
            await output.WriteLineAsync($"== generating {megabytes} MiB export.xml at {file}");
            var generation = System.Diagnostics.Stopwatch.StartNew();
            var elements = await ExportGenerator.WriteAsync(file, megabytes * 1024L * 1024L, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"   {new FileInfo(file).Length:N0} bytes, {elements:N0} top-level elements, in {generation.Elapsed.TotalSeconds:0.0} s"));

            var runs = new List<AppleImportRun>();
            for (var pair = 0; pair < Pairs; pair++)
            {
                await output.WriteLineAsync($"== round {runs.Count + 1}: {AppleImportRun.Bare}");
                runs.Add(await AppleImportRun.ScanAsync(runs.Count + 1, file, cancellationToken));
                await output.WriteLineAsync(AppleImportReport.Describe(runs[^1]));
                await output.WriteLineAsync($"== round {runs.Count + 1}: {AppleImportRun.Importer}");
                runs.Add(await AppleImportRun.ImportAsync(runs.Count + 1, file, cancellationToken));
                await output.WriteLineAsync(AppleImportReport.Describe(runs[^1]));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(AppleImportReport.Table(runs).ToPlainText());
            await output.WriteLineAsync(AppleImportReport.RatioLine(runs));
            await docs.WriteAsync(docsPath, () => AppleImportReport.Markdown(runs, megabytes, machine, started), output, cancellationToken);

            return 0;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
