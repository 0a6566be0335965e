using System.CommandLine;
using System.CommandLine.Parsing;
using Wearables.Twins.Cli.Api;
using Wearables.Twins.Cli.Output;

namespace Wearables.Twins.Cli.Commands;

/// <summary>
/// What every command shares: the global <c>--url</c>, the output writers, and the one place where expected
/// failures become a sentence on stderr and an exit code instead of a stack trace.
/// </summary>
internal sealed class CliRuntime
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public CliRuntime(TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        _stdout = stdout;
        _stderr = stderr;
        Url = new Option<Uri>("--url")
        {
            Description = $"Base URL of the service; {TwinsCommandLine.UrlVariable} sets it for a whole shell session.",
            HelpName = "url",
            Recursive = true,
            CustomParser = r => ParseUrl(r, r.Tokens[^1].Value, "--url"),
            DefaultValueFactory = r => environment(TwinsCommandLine.UrlVariable) is { Length: > 0 } fromEnvironment
                ? ParseUrl(r, fromEnvironment, TwinsCommandLine.UrlVariable)
                : ParseUrl(r, TwinsCommandLine.DefaultUrl, "--url"),
        };
        Token = new Option<string?>("--token")
        {
            Description = $"Bearer token; {TwinsCommandLine.TokenVariable} sets it for a session. Without one, a short-lived admin token is signed with the local issuer's key when this user can read it (the embedded service's operator).",
            HelpName = "jwt",
            Recursive = true,
            DefaultValueFactory = _ => environment(TwinsCommandLine.TokenVariable) is { Length: > 0 } token ? token : null,
        };
        DataDirectory = new Option<string>("--data-dir")
        {
            Description = $"The embedded service's data directory (its local issuer key is under security/); {TwinsCommandLine.DataDirectoryVariable} sets it.",
            HelpName = "path",
            Recursive = true,
            DefaultValueFactory = _ => environment(TwinsCommandLine.DataDirectoryVariable) is { Length: > 0 } directory ? directory : "data",
        };
    }

    public Option<Uri> Url { get; }

    /// <summary><c>--token</c>: a bearer token (from <c>twins token</c> or the identity provider).</summary>
    public Option<string?> Token { get; }

    /// <summary><c>--data-dir</c>: where the embedded service keeps its data, and so its local issuer's key.</summary>
    public Option<string> DataDirectory { get; }

    public async Task<int> RunAsync(
        ParseResult parse, Func<CommandContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = new CliOutput(_stdout, _stderr);
        using var api = new TwinsApiClient(parse.GetRequiredValue(Url), OperatorToken.Resolve(parse.GetValue(Token), parse.GetRequiredValue(DataDirectory)));
        try
        {
            return await body(new CommandContext(parse, api, output), cancellationToken);
        }
        catch (CliFailure failure)
        {
            output.Error(failure.Message);
            return failure.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Error("cancelled.");
            return ExitCodes.Cancelled;
        }
    }

    private static Uri ParseUrl(ArgumentResult result, string text, string source)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            // A trailing slash makes relative API paths append to a prefix (a reverse proxy path) instead of replacing it.
            return uri.AbsolutePath.EndsWith('/') ? uri : new UriBuilder(uri) { Path = uri.AbsolutePath + "/" }.Uri;
        }

        result.AddError($"{source} must be an absolute http(s) URL such as {TwinsCommandLine.DefaultUrl}; got '{text}'.");
        return new Uri(TwinsCommandLine.DefaultUrl);
    }
}
