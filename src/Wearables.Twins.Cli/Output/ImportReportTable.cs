using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wearables.Twins.Cli.Output;

/// <summary>An import report for people: the counts, then each rejection reason with a few examples.</summary>
internal static class ImportReportTable
{
    public static IRenderable Describe(ImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = new Table().AddColumn("import").AddColumn("");
        counts.AddRow(new Text("job"), new Text(report.JobId));
        counts.AddRow(new Text("file"), new Text($"{report.FileName} ({report.Format ?? "unknown format"})"));
        counts.AddRow(new Text("state"), new Text(report.State.ToString().ToLowerInvariant()));
        counts.AddRow(new Text("records read"), Number(report.RecordsRead));
        counts.AddRow(new Text("imported"), Number(report.Imported));
        counts.AddRow(new Text("duplicates"), Number(report.Duplicates));
        counts.AddRow(new Text("rejected"), Number(report.Rejected));
        if (report.Error is not null)
        {
            counts.AddRow(new Text("error"), new Text(report.Error));
        }

        if (report.RejectedByReason.Count == 0)
        {
            return counts;
        }

        var reasons = new Table().AddColumn("rejected because").AddColumn("count").AddColumn("for example");
        foreach (var (reason, count) in report.RejectedByReason.OrderByDescending(r => r.Value))
        {
            var example = report.Examples.FirstOrDefault(e => e.Reason == reason)?.Detail ?? string.Empty;
            reasons.AddRow(new Text(reason), Number(count), new Text(example));
        }

        return new Rows(counts, reasons);
    }

    private static Text Number(long value) => new(value.ToString("N0", CultureInfo.InvariantCulture));
}
