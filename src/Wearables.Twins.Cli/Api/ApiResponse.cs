using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wearables.Twins.Cli.Api;

/// <summary>An answer read to the end: status, media type and body text, plus what was asked (for messages).</summary>
internal sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Body, string Request)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Returns this response when it succeeded; otherwise the failure, in the service's words when it gave some.</summary>
    public ApiResponse EnsureSuccess()
    {
        if (IsSuccess)
        {
            return this;
        }

        if (TryReadProblem() is { } problem)
        {
            // A refusal by the authorization policy carries only a title ("Forbidden"); say what would help.
            var described = string.IsNullOrEmpty(problem.Detail) && CredentialHint() is { } hint ? $"{problem.Describe()}. {hint}" : problem.Describe();
            throw new CliFailure(ExitCodes.Failed, described) { Problem = problem };
        }

        var snippet = Body.Trim() is { Length: > 0 } text ? $": {Truncate(text, 200)}" : ".";
        throw new CliFailure(ExitCodes.Failed,
            $"{Request} answered HTTP {(int)Status} {Status}{snippet} {CredentialHint() ?? "Is --url pointing at a Wearables.Twins service?"}");
    }

    private string? CredentialHint() => Status switch
    {
        HttpStatusCode.Unauthorized =>
            $"The service wants a token: pass --token (or set {TwinsCommandLine.TokenVariable}), or run as the user whose --data-dir holds the embedded service's issuer key.",
        HttpStatusCode.Forbidden => "The token's role may not do this; admin operations need a token from `twins token --role admin`.",
        _ => null,
    };

    public T Read<T>(JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(Body, type)
                ?? throw new CliFailure(ExitCodes.Failed, $"{Request} answered with an empty JSON body.");
        }
        catch (JsonException ex)
        {
            throw new CliFailure(ExitCodes.Failed,
                $"{Request} answered with JSON the CLI cannot read ({ex.Message}). Do the CLI and the service versions match?", ex);
        }
    }

    private ApiProblem? TryReadProblem()
    {
        // ASP.NET Core sends problem+json; a proxy in front of the service may not, so only that media type is parsed.
        if (!string.Equals(MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(Body, CliJsonContext.Default.ApiProblem);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>
/// A successful JSON answer: the text as sent (for <c>--json</c>) and, parsed only when asked for, the typed view.
/// Parsing lazily keeps <c>--json</c> working even against a service whose shapes have moved on.
/// </summary>
internal sealed class ApiResult<T>(ApiResponse response, JsonTypeInfo<T> type)
{
    private T? _value;

    public string Json => response.Body;

    public T Value => _value ??= response.Read(type);
}
