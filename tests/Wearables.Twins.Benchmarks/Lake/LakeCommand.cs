using System.CommandLine;
using System.Globalization;
using System.Text;
using Wearables.Twins.Benchmarks.Infrastructure;
using Wearables.Twins.Benchmarks.Reporting;

namespace Wearables.Twins.Benchmarks.Lake;

/// <summary>
/// The <c>lake</c> sub-command: Parquet bytes per sample next to the JSON envelope, lake write throughput, and a
/// 30-day single-patient range query over compacted daily files. In-process, no host needed.
/// </summary>
internal static class LakeCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Patients in the write test (1 Hz heart rate each).", DefaultValueFactory = _ => 200 };
        var minutes = new Option<int>("--minutes") { Description = "Minutes of 1 Hz heart rate per patient in the write test.", DefaultValueFactory = _ => 60 };
        var queryPatients = new Option<int>("--query-patients") { Description = "Patients sharing the daily files of the query test.", DefaultValueFactory = _ => 10 };
        var days = new Option<int>("--days") { Description = "Days of 1 Hz heart rate in the query test.", DefaultValueFactory = _ => 30 };
        var docs = new DocsOptions("lake", printed: "tables");
        var command = new Command("lake", "History lake: bytes per sample vs JSON, write throughput, 30-day range query latency.")
        {
            patients, minutes, queryPatients, days,
        };
        docs.AddTo(command);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            if (parse.GetValue(patients) < 1 || parse.GetValue(minutes) < 1 || parse.GetValue(queryPatients) < 1 || parse.GetValue(days) < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--patients, --minutes, --query-patients and --days must be positive.");
                return BenchmarkCommands.InvalidOptions;
            }

            return await RunAsync(
                parse.GetValue(patients), parse.GetValue(minutes), parse.GetValue(queryPatients), parse.GetValue(days),
                docs, docs.PathFrom(parse), parse.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        int patients, int minutes, int queryPatients, int days, DocsOptions docs, string? docsPath, TextWriter output, CancellationToken cancellationToken)
    {
        var (started, machine) = await BenchmarkCommands.StartAsync(output);

        await output.WriteLineAsync("== bytes per sample");
        var sizes = await LakeBenchmark.SizesAsync(cancellationToken);
        var sizeTable = new TextTable("stream", "samples", "Parquet B/sample", "JSON B/sample", "samples/message", "JSON ÷ Parquet") { LeftAligned = new HashSet<int> { 0 } };
        foreach (var row in sizes)
        {
            sizeTable.Add(row.Stream, N(row.Samples), F(row.ParquetPerSample, "0.00"), F(row.JsonPerSample, "0.0"), N(row.SamplesPerMessage), F(row.JsonPerSample / row.ParquetPerSample, "0") + "×");
        }

        await output.WriteLineAsync(sizeTable.ToPlainText());

        await output.WriteLineAsync($"== write throughput: {patients} patients × {minutes} min of 1 Hz heart rate, appended a minute at a time");
        LakeBenchmark.WriteResult write;
        using (var directory = new TempDirectory())
        {
            write = await LakeBenchmark.WriteThroughputAsync(directory.Path, patients, minutes * 60, cancellationToken);
        }

        var writeTable = new TextTable("samples", "files", "seconds", "samples/s");
        writeTable.Add(N(write.Samples), N(write.Files), F(write.Elapsed.TotalSeconds, "0.00"), N((long)write.SamplesPerSecond));
        await output.WriteLineAsync(writeTable.ToPlainText());

        await output.WriteLineAsync($"== {days}-day range query of one patient: {queryPatients} patients' 1 Hz heart rate in {days} daily files (median of 3)");
        IReadOnlyList<LakeBenchmark.QueryResult> queries;
        using (var directory = new TempDirectory())
        {
            queries = await LakeBenchmark.QueryLatencyAsync(directory.Path, queryPatients, days, cancellationToken);
        }

        var queryTable = new TextTable("query", "rows returned", "median ms") { LeftAligned = new HashSet<int> { 0 } };
        foreach (var query in queries)
        {
            queryTable.Add(query.Query, N(query.Rows), F(query.MedianMilliseconds, "0"));
        }

        await output.WriteLineAsync(queryTable.ToPlainText());
        await docs.WriteAsync(docsPath, Markdown, output, cancellationToken);
        return 0;

        string Markdown() => new StringBuilder()
            .AppendLine("## History lake")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd}, {machine.Cpu}, {machine.Cores} cores, {machine.Runtime}, {BuildInfo.Configuration} build; `dotnet run -c Release --project tests/Wearables.Twins.Benchmarks -- lake`.")
            .AppendLine()
            .AppendLine(sizeTable.ToMarkdown())
            .AppendLine(CultureInfo.InvariantCulture, $"Write: {patients} patients × {minutes} min of 1 Hz heart rate through the silo buffer into local Parquet files (fsync per file).")
            .AppendLine()
            .AppendLine(writeTable.ToMarkdown())
            .AppendLine(CultureInfo.InvariantCulture, $"Query: one patient's {days} days out of {queryPatients} patients' compacted daily files, through `HistoryReader` (DuckDB).")
            .AppendLine()
            .AppendLine(queryTable.ToMarkdown())
            .ToString();
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
