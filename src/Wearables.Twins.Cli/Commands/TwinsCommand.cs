using System.CommandLine;

namespace Wearables.Twins.Cli.Commands;

/// <summary>
/// Base of every <c>twins</c> subcommand: declares its arguments in the constructor and does its work in
/// <see cref="ExecuteAsync"/>, while <see cref="CliRuntime"/> supplies the client and turns failures into exit codes.
/// </summary>
internal abstract class TwinsCommand : Command
{
    protected TwinsCommand(string name, string description, CliRuntime runtime)
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        SetAction((parse, cancellationToken) => runtime.RunAsync(parse, (context, ct) => ExecuteAsync(context, ct), cancellationToken));
    }

    protected abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
