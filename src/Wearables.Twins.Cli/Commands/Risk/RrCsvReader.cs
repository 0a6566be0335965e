using System.Globalization;
using Wearables.Twins.Cli.Api;

namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>
/// Reads an RR-interval CSV: a header line naming the columns <c>t</c> (beat time, seconds) and <c>rr_ms</c> (interval,
/// milliseconds) in any order, comma-separated, one beat per line. Problems name the line.
/// </summary>
internal static class RrCsvReader
{
    public static async Task<(double[] Times, double[] RrMs)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure($"no such file: {path}");
        }

        var times = new List<double>();
        var intervals = new List<double>();
        using var reader = new StreamReader(path);
        var header = await reader.ReadLineAsync(cancellationToken) ?? throw new CliFailure($"{path} is empty; expected a header line 't,rr_ms'.");
        var columns = header.Split(',').Select(c => c.Trim().Trim('"')).ToList();
        var timeColumn = columns.IndexOf("t");
        var rrColumn = columns.IndexOf("rr_ms");
        if (timeColumn < 0 || rrColumn < 0)
        {
            throw new CliFailure($"{path}: the header must name the columns 't' and 'rr_ms'; got '{header}'.");
        }

        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length <= Math.Max(timeColumn, rrColumn)
                || !double.TryParse(cells[timeColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
                || !double.TryParse(cells[rrColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var rr))
            {
                throw new CliFailure($"{path}:{lineNumber}: expected numbers in 't' and 'rr_ms'; got '{line}'.");
            }

            if (times.Count > 0 && t < times[^1])
            {
                throw new CliFailure($"{path}:{lineNumber}: beat times must not go backwards ({t} after {times[^1]}).");
            }

            times.Add(t);
            intervals.Add(rr);
        }

        return ([.. times], [.. intervals]);
    }
}
