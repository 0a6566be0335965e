using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands;

/// <summary>
/// <c>twins import &lt;file&gt; --patient &lt;id&gt;</c>: uploads a vendor export to the service, follows the import job
/// with a progress bar, and prints its report (records read, imported, duplicates, rejections by reason).
/// </summary>
internal sealed class ImportCommand : TwinsCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] Formats = ["auto", "apple", "huawei", "xiaomi", "fitbit", "garmin", "omh", "csv"];

    private readonly Argument<FileInfo> _file = new("file") { Description = "The export file (export.zip, export.xml, .fit, .csv, .json …)." };
    private readonly Option<string> _patient = new("--patient") { Description = "Patient whose twin receives the data.", Required = true };
    private readonly Option<string> _format = new("--format") { Description = "File format; auto looks at the file.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _timeZone = new("--time-zone") { Description = "IANA time zone for files whose times have no offset (e.g. Europe/Paris)." };
    private readonly Option<bool> _json = CommonOptions.Json();

    public ImportCommand(CliRuntime runtime)
        : base("import", "Import a vendor export file into a patient's twin (POST /api/v1/patients/{id}/imports).", runtime)
    {
        _format.AcceptOnlyFromAmong(Formats);
        Arguments.Add(_file);
        Options.Add(_patient);
        Options.Add(_format);
        Options.Add(_timeZone);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var file = context.Parse.GetRequiredValue(_file);
        if (!file.Exists)
        {
            throw new CliFailure(ExitCodes.Failed, $"file '{file.FullName}' does not exist.");
        }

        var patientId = context.Parse.GetRequiredValue(_patient);
        // With --json the output is for programs: nothing but the report (Spectre writes a progress bar's final
        // text to redirected output).
        var asJson = context.Parse.GetValue(_json);
        var (report, json) = asJson
            ? await ImportAsync(context, file, patientId, new Progress<long>(), new Progress<ImportReport>(), cancellationToken)
            : await RunWithProgressAsync(context, file, patientId, cancellationToken);
        if (asJson)
        {
            context.Output.Json(json);
        }
        else
        {
            context.Output.Write(ImportReportTable.Describe(report));
        }

        if (report.State == ImportState.Failed)
        {
            context.Output.Error($"the import failed: {report.Error}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Success;
    }

    private async Task<(ImportReport Report, string Json)> RunWithProgressAsync(
        CommandContext context, FileInfo file, string patientId, CancellationToken cancellationToken)
    {
        (ImportReport, string) final = default;
        await context.Output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var upload = progress.AddTask($"upload {file.Name}", maxValue: Math.Max(1, file.Length));
                var import = progress.AddTask("import", maxValue: 1);
                final = await ImportAsync(context, file, patientId,
                    new Progress<long>(sent => upload.Value = sent),
                    new Progress<ImportReport>(current =>
                    {
                        upload.Value = upload.MaxValue;
                        import.Value = current.Progress;
                        import.Description = string.Create(CultureInfo.InvariantCulture, $"import ({current.Imported} samples)");
                    }),
                    cancellationToken);
                import.Value = import.MaxValue;
            });
        return final;
    }

    private async Task<(ImportReport Report, string Json)> ImportAsync(
        CommandContext context, FileInfo file, string patientId, IProgress<long> uploaded, IProgress<ImportReport> importing,
        CancellationToken cancellationToken)
    {
        var started = await context.Api.StartImportAsync(patientId, file, context.Parse.GetRequiredValue(_format),
            context.Parse.GetValue(_timeZone), uploaded, cancellationToken);
        var current = started.Value;
        var json = started.Json;
        while (current.State is ImportState.Queued or ImportState.Running)
        {
            importing.Report(current);
            await Task.Delay(PollInterval, cancellationToken);
            var polled = await context.Api.GetImportAsync(patientId, current.JobId, cancellationToken);
            current = polled.Value;
            json = polled.Json;
        }

        return (current, json);
    }
}
