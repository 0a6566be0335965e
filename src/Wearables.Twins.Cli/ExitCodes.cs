namespace Wearables.Twins.Cli;

/// <summary>
/// What <c>twins</c> returns, so scripts can tell "the service said no" from "there is no service".
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request was refused (problem+json, a rejected sample, bad arguments) or the answer was unusable.</summary>
    public const int Failed = 1;

    /// <summary>The service could not be reached at all (connection refused, unknown host, timeout).</summary>
    public const int Unreachable = 2;

    /// <summary>Ctrl+C, following the shell convention of 128 + SIGINT.</summary>
    public const int Cancelled = 130;
}
