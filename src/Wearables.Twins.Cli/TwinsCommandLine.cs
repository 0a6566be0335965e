using System.CommandLine;
using System.CommandLine.Invocation;
using Wearables.Twins.Cli.Commands;
using Wearables.Twins.Cli.Commands.Devices;
using Wearables.Twins.Cli.Commands.Risk;
using Wearables.Twins.Cli.Commands.Sql;

namespace Wearables.Twins.Cli;

/// <summary>
/// The <c>twins</c> command line. Output goes to the given writers rather than the process console so that
/// tests (and other hosts) can run it in-process and read what a user would see.
/// </summary>
public static class TwinsCommandLine
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Environment variable that replaces <see cref="DefaultUrl"/> when <c>--url</c> is not given.</summary>
    public const string UrlVariable = "TWINS_URL";

    /// <summary>Environment variable holding a bearer token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "TWINS_TOKEN";

    /// <summary>Environment variable naming the embedded service's data directory when <c>--data-dir</c> is not given.</summary>
    public const string DataDirectoryVariable = "TWINS_DATA_DIR";

    /// <summary>Parses and runs <paramref name="args"/>; returns one of <see cref="ExitCodes"/>.</summary>
    public static Task<int> InvokeAsync(
        string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
        => InvokeAsync(args, stdout, stderr, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>As the public overload, with the environment injected so tests need not mutate the process's.</summary>
    internal static Task<int> InvokeAsync(
        IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var runtime = new CliRuntime(stdout, stderr, environment);

        // Bare `twins` shows the command list rather than a "required command" error.
        var parse = CreateRootCommand(runtime).Parse(args.Count == 0 ? ["--help"] : args);
        if (parse.Action is ParseErrorAction)
        {
            return Task.FromResult(ReportParseErrors(parse, stderr));
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The command tree; a new command is one class under Commands/ and one line here.</summary>
    internal static RootCommand CreateRootCommand(CliRuntime runtime)
    {
        var root = new RootCommand("Reads and feeds a running Wearables.Twins service over its REST API.");
        root.Options.Add(runtime.Url);
        root.Options.Add(runtime.Token);
        root.Options.Add(runtime.DataDirectory);
        root.Subcommands.Add(new StatusCommand(runtime));
        root.Subcommands.Add(new PatientCommand(runtime));
        root.Subcommands.Add(new VitalsCommand(runtime));
        root.Subcommands.Add(new WearableCommand(runtime));
        root.Subcommands.Add(new BindCommand(runtime));
        root.Subcommands.Add(new SendCommand(runtime));
        root.Subcommands.Add(new ImportCommand(runtime));
        root.Subcommands.Add(new RiskCommand(runtime));
        root.Subcommands.Add(new SqlCommand(runtime));
        root.Subcommands.Add(new TokenCommand(runtime));
        root.Subcommands.Add(new DevicesCommand(runtime));
        return root;
    }

    // The default reaction prints the whole help after the errors; one "error:" line per problem and a pointer to
    // --help reads better and matches how every other failure of the tool looks.
    private static int ReportParseErrors(ParseResult parse, TextWriter stderr)
    {
        foreach (var error in parse.Errors)
        {
            stderr.WriteLine($"error: {error.Message}");
        }

        // The root's own name is the host executable's (testhost under tests), so the path starts at "twins".
        var path = parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Append(parse.CommandResult.Command)
            .Where(c => c is not RootCommand).Select(c => c.Name).Prepend("twins");
        stderr.WriteLine($"See '{string.Join(' ', path)} --help'.");
        return ExitCodes.Failed;
    }
}
