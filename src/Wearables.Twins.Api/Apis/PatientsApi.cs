using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Api.Apis;

/// <summary>Reads of patient twins.</summary>
public static class PatientsApi
{
    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients").WithTags("Patients");
        group.MapGet("/{id}", GetPatientAsync)
            .WithSummary("Latest vitals of a patient")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/vitals", GetVitalsAsync)
            .WithSummary("Samples of one vital in a time range (recent window)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<PatientView>, ProblemHttpResult>> GetPatientAsync(string id, IGrainFactory grains)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        var status = await grains.GetGrain<IPatientGrain>(id).GetStatusAsync();
        return status is null ? Problems.NotFound("patient", id) : TypedResults.Ok(PatientView.From(status));
    }

    private static async Task<Results<Ok<VitalSeriesView>, ProblemHttpResult>> GetVitalsAsync(
        string id, string? type, string? from, string? to, IGrainFactory grains)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        if (type is null || !VitalCatalog.TryGet(type, out var vital))
        {
            return Problems.BadRequest("invalid_type",
                $"Query parameter 'type' must be one of: {string.Join(", ", VitalCatalog.All.Select(v => v.Code))}.");
        }

        if (!TryParseBound(from, "from", out var fromTime, out var problem) || !TryParseBound(to, "to", out var toTime, out problem))
        {
            return problem!;
        }

        if (fromTime is not null && toTime is not null && fromTime >= toTime)
        {
            return Problems.BadRequest("invalid_range", "'from' must be earlier than 'to'.");
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        if (await patient.GetStatusAsync() is null)
        {
            return Problems.NotFound("patient", id);
        }

        var samples = await patient.GetVitalsAsync(vital.Type, fromTime ?? DateTimeOffset.MinValue, toTime ?? DateTimeOffset.MaxValue);
        var views = samples.Select(s => VitalSampleView.From(s)).ToList();
        return TypedResults.Ok(new VitalSeriesView(id, vital.Code, vital.CanonicalUnit, fromTime, toTime, views.Count, views));
    }

    private static bool TryParseBound(string? text, string name, out DateTimeOffset? value, out ProblemHttpResult? problem)
    {
        value = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        if (Rfc3339Query.TryParse(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problems.BadRequest("invalid_time", $"'{name}' must be an RFC 3339 time with an offset, e.g. 2026-11-27T10:00:00Z.");
        return false;
    }
}
