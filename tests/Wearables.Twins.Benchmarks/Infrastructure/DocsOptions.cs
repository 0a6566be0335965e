using System.CommandLine;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Infrastructure;

/// <summary>
/// The <c>--docs</c>/<c>--no-docs</c> pair every sub-command takes, and the rewrite of that sub-command's own section of
/// docs/benchmarks.md which the pair controls.
/// </summary>
internal sealed class DocsOptions
{
    private readonly Option<string> docs;
    private readonly Option<bool> noDocs;

    /// <param name="section">The section's marker name (<c>benchmark:NAME:begin</c>), the sub-command's name.</param>
    /// <param name="printed">What <c>--no-docs</c> still prints: "table" or "tables".</param>
    public DocsOptions(string section, string printed = "table")
    {
        Section = section;
        docs = new Option<string>("--docs") { Description = $"Markdown file whose {section} section is rewritten.", DefaultValueFactory = _ => BenchmarkDocument.DefaultPath(BuildInfo.RepositoryRoot) };
        noDocs = new Option<bool>("--no-docs") { Description = $"Print the {printed} only; leave the docs alone." };
    }

    public string Section { get; }

    /// <summary>Adds both options to <paramref name="command"/>; call it after the command's own options, so --help lists them last.</summary>
    public void AddTo(Command command)
    {
        command.Add(docs);
        command.Add(noDocs);
    }

    /// <summary>The markdown file to rewrite, or null with <c>--no-docs</c>.</summary>
    public string? PathFrom(ParseResult parse) => parse.GetValue(noDocs) ? null : parse.GetValue(docs);

    /// <summary>
    /// Rewrites the section in <paramref name="path"/> and says so, unless there is no path or the run was cancelled;
    /// <paramref name="markdown"/> is only built when it is written.
    /// </summary>
    public async Task WriteAsync(string? path, Func<string> markdown, TextWriter output, CancellationToken cancellationToken)
    {
        if (path is null || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await BenchmarkDocument.WriteSectionAsync(path, Section, markdown(), cancellationToken);
        await output.WriteLineAsync($"wrote {Path.GetFullPath(path)}");
    }
}
