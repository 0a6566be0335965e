using System.CommandLine;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands;

/// <summary><c>twins wearable &lt;id&gt;</c>: a wearable twin, its binding and its counters.</summary>
internal sealed class WearableCommand : TwinsCommand
{
    private readonly Argument<string> _id = new("id") { Description = "Wearable (device) id." };
    private readonly Option<bool> _json = CommonOptions.Json();

    public WearableCommand(CliRuntime runtime)
        : base("wearable", "Show a wearable twin (GET /api/v1/wearables/{id}).", runtime)
    {
        Arguments.Add(_id);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var result = await context.Api.GetWearableAsync(context.Parse.GetRequiredValue(_id), cancellationToken);
        if (context.Parse.GetValue(_json))
        {
            context.Output.Json(result.Json);
            return ExitCodes.Success;
        }

        context.Output.Write(Describe(result.Value));
        return ExitCodes.Success;
    }

    /// <summary>A two-column table; shared with <c>bind</c>, which answers with the same view.</summary>
    public static Spectre.Console.Table Describe(WearableView w)
    {
        var table = Tables.Create("Wearable", w.WearableId)
            .AddTextRow("Patient", w.PatientId ?? "unbound (samples wait until it is bound)")
            .AddTextRow("Device", string.Join(" ", new[] { w.Vendor, w.Model, w.Firmware }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } device ? device : "–")
            .AddTextRow("Battery", w.BatteryPercent is { } battery ? $"{Formats.Number(battery)} %" : "–")
            .AddTextRow("First seen", Formats.Time(w.FirstSeen))
            .AddTextRow("Last seen", Formats.Time(w.LastSeen))
            .AddTextRow("Messages", Formats.Number(w.Messages))
            .AddTextRow("Samples", Formats.Number(w.Samples))
            .AddTextRow("Duplicates", Formats.Number(w.Duplicates))
            .AddTextRow("Pending", $"{Formats.Number(w.PendingSamples)} (dropped {Formats.Number(w.PendingDropped)})");
        foreach (var (vital, count) in (w.SamplesByVital ?? new Dictionary<string, long>()).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            table.AddTextRow($"  {vital}", Formats.Number(count));
        }

        return table;
    }
}
