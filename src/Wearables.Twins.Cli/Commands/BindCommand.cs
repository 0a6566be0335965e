using System.CommandLine;

namespace Wearables.Twins.Cli.Commands;

/// <summary><c>twins bind &lt;wearableId&gt; &lt;patientId&gt;</c>: samples of the wearable go to the patient from now on.</summary>
internal sealed class BindCommand : TwinsCommand
{
    private readonly Argument<string> _wearableId = new("wearableId") { Description = "Wearable (device) id." };
    private readonly Argument<string> _patientId = new("patientId") { Description = "Patient id." };
    private readonly Option<bool> _json = CommonOptions.Json();

    public BindCommand(CliRuntime runtime)
        : base("bind", "Bind a wearable to a patient; samples it sent while unbound move to the patient (PUT /api/v1/wearables/{id}/patient).", runtime)
    {
        Arguments.Add(_wearableId);
        Arguments.Add(_patientId);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var result = await context.Api.BindAsync(
            context.Parse.GetRequiredValue(_wearableId), context.Parse.GetRequiredValue(_patientId), cancellationToken);
        if (context.Parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        var wearable = result.Value;
        context.Output.Line($"Bound wearable {wearable.WearableId} to patient {wearable.PatientId}.");
        context.Output.Write(WearableCommand.Describe(wearable));
        return ExitCodes.Success;
    }
}
