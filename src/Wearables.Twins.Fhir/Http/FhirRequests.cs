using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Wearables.Twins.Fhir.Mapping;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Http;

/// <summary>What the FHIR endpoints read off a request: base URL, Prefer, body, content negotiation.</summary>
internal static class FhirRequests
{
    /// <summary>Largest request body (a Bundle of a thousand Observations fits comfortably).</summary>
    public const int MaxBodyBytes = 8 * 1024 * 1024;

    private static readonly string[] JsonMediaTypes = [FhirResult.MediaType, "application/json", "application/json+fhir"];

    private static readonly string[] JsonFormats = ["json", .. JsonMediaTypes];

    /// <summary>The FHIR base as the client addressed it, e.g. <c>http://localhost:5080/fhir</c>.</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";

    /// <summary>The <c>Prefer</c> header's value for <paramref name="key"/> (<c>return</c>, <c>handling</c>), if any.</summary>
    public static string? Prefer(HttpRequest request, string key)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var part in (header ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && string.Equals(part[..equals].Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    return part[(equals + 1)..].Trim().Trim('"');
                }
            }
        }

        return null;
    }

    /// <summary>Null when the client accepts FHIR JSON (via <c>_format</c> or <c>Accept</c>); otherwise the 406.</summary>
    public static FhirIssue? CheckAcceptable(HttpRequest request)
    {
        var format = request.Query["_format"];
        if (format.Count > 0)
        {
            return format.All(f => f is not null && JsonFormats.Contains(f.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
                ? null
                : NotAcceptable($"_format '{format}' is not supported; this server speaks json ({FhirResult.MediaType}).");
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0 || accept.Any(IsJsonOrWildcard))
        {
            return null;
        }

        return NotAcceptable($"Accept '{request.Headers.Accept}' names no type this server writes; ask for {FhirResult.MediaType}.");
    }

    /// <summary>Null when the body is FHIR JSON; otherwise the 415.</summary>
    public static FhirIssue? CheckContentType(HttpRequest request)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && JsonMediaTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        return new FhirIssue(StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported, FhirReasons.UnsupportedMediaType,
            $"Send the resource as {FhirResult.MediaType} (Content-Type was '{request.ContentType}').");
    }

    /// <summary>Reads the whole body, refusing more than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<(byte[]? Body, FhirIssue? Issue)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0
            ? (null, FhirIssue.BadRequest(IssueType.Required, FhirReasons.InvalidResource, "The request has no body; send a FHIR resource."))
            : (buffer.ToArray(), null);
    }

    private static bool IsJsonOrWildcard(MediaTypeHeaderValue type)
        => type.MatchesAllTypes
            || (type.MatchesAllSubTypes && type.Type.Equals("application", StringComparison.OrdinalIgnoreCase))
            || JsonMediaTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase);

    private static FhirIssue NotAcceptable(string text)
        => new(StatusCodes.Status406NotAcceptable, IssueType.NotSupported, FhirReasons.NotAcceptable, text);

    private static FhirIssue TooLarge()
        => new(StatusCodes.Status413PayloadTooLarge, IssueType.TooLong, FhirReasons.TooLarge,
            $"The request body is larger than {MaxBodyBytes / (1024 * 1024)} MiB; split the Bundle.");
}
