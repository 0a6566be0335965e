using System.Text;

namespace Wearables.Twins.Benchmarks.Reporting;

/// <summary>
/// docs/benchmarks.md: one section per benchmark between markers, so each benchmark rewrites only its own
/// section and later benchmarks slot in beside it.
/// </summary>
internal static class BenchmarkDocument
{
    private const string Preamble = """
        # Benchmarks

        Measured by `tests/Wearables.Twins.Benchmarks` (a console program, not a test project). Each section
        below is rewritten by its own sub-command with the numbers of its latest run on the machine it names;
        edit the program, not the numbers.

        """;

    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, "docs", "benchmarks.md");

    public static async Task WriteSectionAsync(string path, string benchmark, string markdown, CancellationToken cancellationToken)
    {
        var begin = $"<!-- benchmark:{benchmark}:begin -->";
        var end = $"<!-- benchmark:{benchmark}:end -->";
        var section = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : Preamble.ReplaceLineEndings("\n");
        var from = existing.IndexOf(begin, StringComparison.Ordinal);
        var to = existing.IndexOf(end, StringComparison.Ordinal);
        var text = new StringBuilder();
        if (from >= 0 && to > from)
        {
            text.Append(existing, 0, from).Append(section).Append(existing, to + end.Length, existing.Length - to - end.Length);
        }
        else
        {
            text.Append(existing.TrimEnd()).Append("\n\n").Append(section).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }
}
