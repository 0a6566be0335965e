using System.CommandLine;

namespace Wearables.Twins.Cli.Commands.Risk;

/// <summary>
/// <c>twins risk</c>: runs the risk engine locally, no service needed (for clinicians testing the rules and for
/// evaluation). Output is JSON; everything it prints is a screening signal, not a diagnosis.
/// </summary>
internal sealed class RiskCommand : Command
{
    public RiskCommand(CliRuntime runtime)
        : base("risk", "Run the risk engine locally: NEWS2 scores and irregular-rhythm screening (screening signals, not diagnoses).")
    {
        Subcommands.Add(new RiskNews2Command(runtime));
        Subcommands.Add(new RiskRhythmCommand(runtime));
    }
}
