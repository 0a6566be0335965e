using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// application/problem+json responses with a stable machine-readable <c>reason</c> next to the sentence.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Create(int status, string reason, string detail, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason };
        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                extensions[key] = value;
            }
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);
    }

    public static ProblemHttpResult NotFound(string what, string id)
        => Create(StatusCodes.Status404NotFound, "not_found", $"No {what} '{id}' is known.");

    public static ProblemHttpResult BadRequest(string reason, string detail)
        => Create(StatusCodes.Status400BadRequest, reason, detail);

    private static string Title(int status) => status switch
    {
        400 => "The request is not valid.",
        403 => "The request is not allowed.",
        404 => "Not found.",
        413 => "The request is too large.",
        415 => "The media type is not supported.",
        503 => "The service is unavailable; retry.",
        _ => "The request failed.",
    };
}
