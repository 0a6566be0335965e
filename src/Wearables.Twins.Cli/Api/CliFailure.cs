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

    public CliFailure()
        : this(ExitCodes.Failed, "The command failed.")
    {
    }

    public CliFailure(string message)
        : this(ExitCodes.Failed, message)
    {
    }

    public CliFailure(string message, Exception innerException)
        : this(ExitCodes.Failed, message, innerException)
    {
    }

    public int ExitCode { get; }

    /// <summary>The problem+json body when the service refused the request.</summary>
    public ApiProblem? Problem { get; init; }
}
