using System.CommandLine;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands;

/// <summary><c>twins vitals &lt;patientId&gt; --type …</c>: the samples of one vital in a time range, oldest first.</summary>
internal sealed class VitalsCommand : TwinsCommand
{
    private readonly Argument<string> _patientId = new("patientId") { Description = "Patient id." };
    private readonly Option<string> _type = CommonOptions.VitalType();
    private readonly Option<string> _from = CommonOptions.Time("--from", "Earliest sample time (inclusive), RFC 3339 with an offset.");
    private readonly Option<string> _to = CommonOptions.Time("--to", "Latest sample time, RFC 3339 with an offset.");
    private readonly Option<bool> _json = CommonOptions.Json();

    public VitalsCommand(CliRuntime runtime)
        : base("vitals", "List samples of one vital (GET /api/v1/patients/{id}/vitals).", runtime)
    {
        Arguments.Add(_patientId);
        Options.Add(_type);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var parse = context.Parse;
        var result = await context.Api.GetVitalsAsync(
            parse.GetRequiredValue(_patientId), parse.GetRequiredValue(_type), parse.GetValue(_from), parse.GetValue(_to),
            cancellationToken);
        if (parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        var series = result.Value;
        var range = series.From is null && series.To is null
            ? "in the recent window"
            : $"from {Formats.Time(series.From)} to {Formats.Time(series.To)}";
        context.Output.Line($"{series.Type} of patient {series.PatientId} {range}: {Formats.Count(series.Count, "sample")}");
        if (series.Samples is not { Count: > 0 } samples)
        {
            return ExitCodes.Success;
        }

        var table = Tables.Create("Time", "Value").RightAlign(1);
        foreach (var sample in samples)
        {
            table.AddTextRow(Formats.When(sample), Formats.Reading(sample));
        }

        context.Output.Write(table);
        return ExitCodes.Success;
    }
}
