using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Import;
using Wearables.Twins.Import.Jobs;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>Imports of vendor export files: upload → background job → status with progress and a report.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients/{id}/imports").WithTags("Imports").RequirePatientAccess().RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapPost("/", StartAsync)
            .WithSummary("Upload an export file (raw body) and import it into the patient's twin")
            .WithDescription("Query: format=auto|apple|huawei|xiaomi|fitbit|garmin|omh|csv, fileName, timeZone (IANA, for files without offsets), and for csv: timeColumn, valueColumn, unitColumn, typeColumn, type, unit, endColumn, delimiter. 202 with the job's report and a Location to poll.")
            .Accepts<Stream>("application/octet-stream")
            .Produces<ImportReport>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", List).WithSummary("The patient's recent imports");
        group.MapGet("/{jobId}", Get)
            .WithSummary("Progress and report of one import")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Accepted<ImportReport>, ProblemHttpResult>> StartAsync(
        string id, HttpRequest request, ImportJobs jobs, CancellationToken cancellationToken)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        // Exports are large: this endpoint's limit is the import setting, not Kestrel's 30 MB default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = jobs.MaxUploadBytes;
        }

        var query = request.Query;
        try
        {
            var report = await jobs.StartAsync(id, query["fileName"].FirstOrDefault() ?? "upload", query["format"].FirstOrDefault(),
                query["timeZone"].FirstOrDefault(), CsvMapping(query), request.Body, cancellationToken);
            return TypedResults.Accepted($"/api/v1/patients/{id}/imports/{report.JobId}", report);
        }
        catch (ImportRequestException ex)
        {
            return Problems.Create(ex.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, ex.Reason, ex.Message);
        }
    }

    private static Ok<IReadOnlyList<ImportReport>> List(string id, ImportJobs jobs) => TypedResults.Ok(jobs.List(id));

    private static Results<Ok<ImportReport>, ProblemHttpResult> Get(string id, string jobId, ImportJobs jobs)
        => jobs.Get(id, jobId) is { } report ? TypedResults.Ok(report) : Problems.NotFound("import", jobId);

    private static CsvColumnMapping? CsvMapping(IQueryCollection query)
    {
        if (!query.ContainsKey("valueColumn") && !query.ContainsKey("timeColumn") && !query.ContainsKey("type") && !query.ContainsKey("typeColumn"))
        {
            return null;
        }

        var defaults = new CsvColumnMapping();
        return new CsvColumnMapping
        {
            TimeColumn = query["timeColumn"].FirstOrDefault() ?? defaults.TimeColumn,
            EndColumn = query["endColumn"].FirstOrDefault(),
            ValueColumn = query["valueColumn"].FirstOrDefault() ?? defaults.ValueColumn,
            UnitColumn = query["unitColumn"].FirstOrDefault(),
            Unit = query["unit"].FirstOrDefault(),
            TypeColumn = query["typeColumn"].FirstOrDefault(),
            Type = query["type"].FirstOrDefault(),
            Delimiter = query["delimiter"].FirstOrDefault() is [var delimiter] ? delimiter : defaults.Delimiter,
        };
    }
}
