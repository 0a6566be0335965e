using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Fhir.Mapping;
using Wearables.Twins.Fhir.Search;
using Wearables.Twins.Fhir.Storage;
using Wearables.Twins.Grains;
using Wearables.Twins.Security.Access;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Wearables.Twins.Fhir.Http;

/// <summary>The FHIR R4 endpoints under <c>/fhir</c>; every answer is FHIR JSON, every error an OperationOutcome.</summary>
internal static partial class FhirEndpoints
{
    public const string Prefix = "/fhir";

    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal) { "Observation", "Patient", "Device", "metadata" };

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        // Every interaction needs a person's token and names its patients (FhirAccess); only the CapabilityStatement is open.
        var group = endpoints.MapGroup(Prefix).WithTags("FHIR").AddEndpointFilter(GuardAsync)
            .RequireAuthorization(TwinsPolicies.Person).RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapGet("/metadata", Metadata).AllowAnonymous()
            .WithSummary("CapabilityStatement (FHIR 4.0.1, JSON)")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType);
        group.MapGet("/Observation", SearchObservationsAsync)
            .WithSummary("Search a patient's vital-signs Observations (patient, code, date, _count, _page)")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status400BadRequest, FhirResult.MediaType);
        group.MapGet("/Observation/{id}", ReadObservationAsync)
            .WithSummary("Read an Observation by the id search returned")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status404NotFound, FhirResult.MediaType);
        group.MapPost("/Observation", CreateObservationAsync)
            .WithSummary("Create one Observation (stored through the telemetry pipeline)")
            .WithDescription("Body: an Observation as application/fhir+json. 201 with Location (200 when the twin already held it); 400/409 OperationOutcome when refused.")
            .Produces<object>(StatusCodes.Status201Created, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status400BadRequest, FhirResult.MediaType);
        group.MapPost("/", PostBundleAsync)
            .WithSummary("A batch or transaction Bundle of Observation creates")
            .WithDescription("Body: a Bundle (batch or transaction) of POST Observation entries as application/fhir+json.")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status400BadRequest, FhirResult.MediaType);
        group.MapGet("/Patient/{id}", ReadPatientAsync)
            .WithSummary("A patient twin as a FHIR Patient")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status404NotFound, FhirResult.MediaType);
        group.MapGet("/Device/{id}", ReadDeviceAsync)
            .WithSummary("A wearable twin as a FHIR Device")
            .Produces<object>(StatusCodes.Status200OK, FhirResult.MediaType)
            .Produces<object>(StatusCodes.Status404NotFound, FhirResult.MediaType);
        group.MapFallback("{**path}", Unsupported).ExcludeFromDescription();
        return endpoints;
    }

    private static FhirResult Metadata(HttpRequest request)
        => FhirResult.Ok(CapabilityStatements.Create(FhirRequests.BaseUrl(request)));

    private static async Task<FhirResult> SearchObservationsAsync(HttpRequest request, ObservationSearch search)
    {
        var strict = string.Equals(FhirRequests.Prefer(request, "handling"), "strict", StringComparison.OrdinalIgnoreCase);
        if (!ObservationQuery.TryParse(request.Query, strict, out var query, out var issue))
        {
            return FhirResult.Error(issue);
        }

        if (await FhirAccess.CheckAsync(request.HttpContext, query.PatientId) is { } refused)
        {
            return refused;
        }

        return FhirResult.Ok(await search.SearchAsync(query, FhirRequests.BaseUrl(request)));
    }

    private static async Task<FhirResult> ReadObservationAsync(string id, HttpContext http, ObservationSearch search)
    {
        if (!ObservationIds.TryParse(id, out var key))
        {
            return NotFound("Observation", id, id.StartsWith("h.", StringComparison.Ordinal)
                ? " Hashed ids (patients with long ids) cannot be read back; find the Observation by search."
                : string.Empty);
        }

        if (await FhirAccess.CheckAsync(http, key.PatientId) is { } refused)
        {
            return refused;
        }

        return await search.ReadAsync(key) is { } observation
            ? FhirResult.Ok(observation)
            : NotFound("Observation", id, " It may have left the patient's recent window.");
    }

    private static async Task<FhirResult> CreateObservationAsync(
        HttpRequest request, FhirJson json, ObservationStore store, CancellationToken cancellationToken)
    {
        var (resource, failure) = await ReadResourceAsync(request, json, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (resource is not Observation observation)
        {
            return FhirResult.Error(FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedResource,
                $"POST {Prefix}/Observation takes an Observation, not a {resource!.TypeName}; send Bundles to POST {Prefix}."));
        }

        if (!ObservationReader.TryRead(observation, out var inbound, out var issue))
        {
            return FhirResult.Error(issue);
        }

        if (await FhirAccess.CheckAsync(request.HttpContext, inbound.PatientId) is { } refused)
        {
            return refused;
        }

        var result = await store.StoreAsync(inbound, cancellationToken);
        if (!result.Succeeded)
        {
            return FhirResult.Error(result.Issue!);
        }

        var location = $"{FhirRequests.BaseUrl(request)}/Observation/{result.Id}";
        Resource? body = Preference(request) switch
        {
            ReturnPreference.Minimal => null,
            ReturnPreference.OperationOutcome => Outcomes.Information(result.Status == 201 ? "created" : "already_stored",
                result.Note ?? (result.Status == 201 ? "Stored." : "The twin already held this Observation; nothing changed.")),
            _ => (Resource?)result.Resource
                ?? Outcomes.Information("outside_recent_window", result.Note ?? "Stored."),
        };
        return new FhirResult(result.Status, body, location);
    }

    private static async Task<FhirResult> PostBundleAsync(
        HttpRequest request, FhirJson json, BundleProcessor processor, CancellationToken cancellationToken)
    {
        var (resource, failure, parseIssues) = await ReadResourceAllowingIssuesAsync(request, json, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (resource is not Bundle bundle)
        {
            return FhirResult.Error(FhirIssue.BadRequest(IssueType.NotSupported, FhirReasons.UnsupportedResource,
                $"POST {Prefix} takes a Bundle of type batch or transaction, not a {resource!.TypeName}."));
        }

        if (await FhirAccess.CheckAsync(request.HttpContext, FhirAccess.PatientsOf(bundle)) is { } refused)
        {
            return refused;
        }

        var (response, refusal) = await processor.ProcessAsync(bundle, parseIssues, FhirRequests.BaseUrl(request), Preference(request), cancellationToken);
        return response is not null
            ? FhirResult.Ok(response)
            : FhirResult.Error(refusal!.Max(i => i.Status), refusal!);
    }

    private static async Task<FhirResult> ReadPatientAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!FhirIds.IsTwinId(id))
        {
            return InvalidId("Patient", id);
        }

        if (await FhirAccess.CheckAsync(http, id) is { } refused)
        {
            return refused;
        }

        var status = await grains.GetGrain<IPatientGrain>(id).GetStatusAsync();
        return status is null ? NotFound("Patient", id) : FhirResult.Ok(TwinResources.ToPatient(status));
    }

    private static async Task<FhirResult> ReadDeviceAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!FhirIds.IsTwinId(id))
        {
            return InvalidId("Device", id);
        }

        var status = await grains.GetGrain<IWearableGrain>(id).GetStatusAsync();
        var caller = Caller.From(http.User)!;
        if (!caller.IsAdmin && (status?.PatientId is not { } patient || await FhirAccess.CheckAsync(http, patient) is not null))
        {
            // The same answer whether the device is unknown, unbound or someone else's.
            return FhirResult.Error(new FhirIssue(StatusCodes.Status403Forbidden, IssueType.Forbidden, FhirAccess.Forbidden,
                "This device is not bound to a patient you may see."));
        }

        return status is null ? NotFound("Device", id) : FhirResult.Ok(TwinResources.ToDevice(status));
    }

    private static FhirResult Unsupported(HttpRequest request, string? path)
    {
        var type = (path ?? string.Empty).Split('/', 2)[0];
        return KnownTypes.Contains(type) || (type.Length == 0 && HttpMethods.IsGet(request.Method))
            ? FhirResult.Error(new FhirIssue(StatusCodes.Status405MethodNotAllowed, IssueType.NotSupported, FhirReasons.NotSupported,
                $"{request.Method} {request.Path} is not supported; see {Prefix}/metadata for what is."))
            : FhirResult.Error(new FhirIssue(StatusCodes.Status404NotFound, IssueType.NotSupported, FhirReasons.NotSupported,
                $"Resource type '{type}' is not served here; see {Prefix}/metadata (Observation, Patient, Device)."));
    }

    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (FhirRequests.CheckAcceptable(http.Request) is { } notAcceptable)
        {
            return FhirResult.Error(notAcceptable);
        }

        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (BadHttpRequestException ex)
        {
            return FhirResult.Error(new FhirIssue(ex.StatusCode, IssueType.Invalid, FhirReasons.InvalidRequest, ex.Message));
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            LogTransient(Logger(http), ex, http.Request.Method, http.Request.Path);
            return FhirResult.Error(new FhirIssue(StatusCodes.Status503ServiceUnavailable, IssueType.Transient, FhirReasons.Unavailable,
                "The twins are not reachable right now; retry (reads are safe to repeat, creates are idempotent)."));
        }
        catch (Exception ex)
        {
            LogFailed(Logger(http), ex, http.Request.Method, http.Request.Path);
            return FhirResult.Error(new FhirIssue(StatusCodes.Status500InternalServerError, IssueType.Exception, FhirReasons.Internal,
                "The request failed inside the server; the error is logged."));
        }
    }

    private static async Task<(Resource? Resource, FhirResult? Failure)> ReadResourceAsync(
        HttpRequest request, FhirJson json, CancellationToken cancellationToken)
    {
        var (resource, failure, issues) = await ReadResourceAllowingIssuesAsync(request, json, cancellationToken);
        return failure is not null ? (null, failure)
            : issues.Count > 0 ? (null, FhirResult.Error(400, issues))
            : (resource, null);
    }

    private static async Task<(Resource? Resource, FhirResult? Failure, IReadOnlyList<FhirIssue> Issues)> ReadResourceAllowingIssuesAsync(
        HttpRequest request, FhirJson json, CancellationToken cancellationToken)
    {
        if (FhirRequests.CheckContentType(request) is { } unsupported)
        {
            return (null, FhirResult.Error(unsupported), []);
        }

        var (body, tooLarge) = await FhirRequests.ReadBodyAsync(request, cancellationToken);
        if (tooLarge is not null)
        {
            return (null, FhirResult.Error(tooLarge), []);
        }

        return json.TryDeserialize(body, out var resource, out var issues)
            ? (resource, null, issues)
            : (null, FhirResult.Error(400, issues), []);
    }

    private static ReturnPreference Preference(HttpRequest request) => FhirRequests.Prefer(request, "return") switch
    {
        { } p when p.Equals("minimal", StringComparison.OrdinalIgnoreCase) => ReturnPreference.Minimal,
        { } p when p.Equals("OperationOutcome", StringComparison.OrdinalIgnoreCase) => ReturnPreference.OperationOutcome,
        _ => ReturnPreference.Representation,
    };

    private static FhirResult NotFound(string type, string id, string more = "")
        => FhirResult.Error(new FhirIssue(StatusCodes.Status404NotFound, IssueType.NotFound, FhirReasons.NotFound,
            $"No {type} '{id}' is known.{more}"));

    private static FhirResult InvalidId(string type, string id)
        => FhirResult.Error(FhirIssue.BadRequest(IssueType.Value, FhirReasons.InvalidRequest,
            $"'{id}' is not a {type} id this server can serve: 1–{FhirIds.MaxLength} letters, digits, '-' or '.'."));

    private static ILogger Logger(HttpContext http)
        => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Wearables.Twins.Fhir");

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "FHIR {Method} {Path}: the twins are unavailable")]
    private static partial void LogTransient(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "FHIR {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path);
}
