using System.CommandLine;
using Wearables.Twins.Cli.Output;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Cli.Commands;

/// <summary><c>twins patient &lt;id&gt;</c>: the latest reading of every vital a patient twin holds.</summary>
internal sealed class PatientCommand : TwinsCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Patient id." };
    private readonly Option<bool> _json = CommonOptions.Json();

    public PatientCommand(CliRuntime runtime)
        : base("patient", "Show a patient's latest vitals (GET /api/v1/patients/{id}).", runtime)
    {
        Arguments.Add(_id);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var result = await context.Api.GetPatientAsync(context.Parse.GetRequiredValue(_id), cancellationToken);
        if (context.Parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        var patient = result.Value;
        var wearables = patient.Wearables is { Count: > 0 } list ? string.Join(", ", list) : "none bound";
        context.Output.Line(
            $"Patient {patient.PatientId} · wearables: {wearables} · {Formats.Count(patient.Samples, "sample")} · last update {Formats.Time(patient.LastUpdate)}");
        if (patient.Vitals is not { Count: > 0 } vitals)
        {
            context.Output.Line("No vitals recorded yet.");
            return ExitCodes.Success;
        }

        var table = Tables.Create("Vital", "Latest", "Time", "Count", "Day total").RightAlign(1, 3, 4);
        foreach (var (code, vital) in vitals.OrderBy(v => CatalogOrder(v.Key)).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            var dayTotal = vital.DayTotal is { } total ? Formats.WithUnit(Formats.Number(total), vital.Latest.Unit) : "";
            table.AddTextRow(code, Formats.Reading(vital.Latest), Formats.When(vital.Latest), Formats.Number(vital.Count), dayTotal);
        }

        context.Output.Write(table);
        return ExitCodes.Success;
    }

    // The catalogue's order (heart rate first, sleep last) reads better than alphabetical; unknown codes go last.
    private static int CatalogOrder(string code)
        => VitalCatalog.TryGet(code, out var vital) ? vital.Type.Id : int.MaxValue;
}
