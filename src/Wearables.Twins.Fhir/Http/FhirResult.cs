using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Fhir.Mapping;
using Task = System.Threading.Tasks.Task;

namespace Wearables.Twins.Fhir.Http;

/// <summary>A FHIR resource as <c>application/fhir+json</c> (pretty with <c>_pretty=true</c>), or an empty body.</summary>
internal sealed class FhirResult(int statusCode, Resource? resource, string? location = null) : IResult, IStatusCodeHttpResult
{
    public const string MediaType = "application/fhir+json";
    public const string ContentType = MediaType + "; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Resource? Resource { get; } = resource;

    public string? Location { get; } = location;

    public static FhirResult Ok(Resource resource) => new(StatusCodes.Status200OK, resource);

    public static FhirResult Error(FhirIssue issue) => new(issue.Status, Outcomes.From(issue));

    public static FhirResult Error(int status, IEnumerable<FhirIssue> issues) => new(status, Outcomes.From(issues));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Resource is null)
        {
            return;
        }

        var pretty = string.Equals(httpContext.Request.Query["_pretty"], "true", StringComparison.OrdinalIgnoreCase);
        var body = httpContext.RequestServices.GetRequiredService<FhirJson>().Serialize(Resource, pretty);
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
