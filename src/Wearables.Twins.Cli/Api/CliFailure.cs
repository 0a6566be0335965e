namespace Wearables.Twins.Cli.Api;

/// <summary>
/// An expected failure: its message is the sentence printed after "error: " and it carries its exit code.
/// Anything else that escapes a command is a bug and keeps its stack trace.
/// </summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>A usage problem: arguments the command cannot turn into a request.</summary>
    public CliFailure(string message)
        : this(ExitCodes.Failed, message)
    {
    }

    public int ExitCode { get; }

    /// <summary>The problem+json body when the service refused the request.</summary>
    public ApiProblem? Problem { get; init; }
}
