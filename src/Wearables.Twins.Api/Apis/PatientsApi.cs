using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.History.Reading;
using Wearables.Twins.Vitals;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>Reads of patient twins.</summary>
public static class PatientsApi
{
    private const int DefaultLimit = 10_000;
    private const int MaxLimit = 100_000;
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(400);

    public static IEndpointRouteBuilder MapPatientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients").WithTags("Patients").RequirePatientAccess().RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapGet("/{id}", GetPatientAsync)
            .WithSummary("Latest vitals of a patient")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/vitals", GetVitalsAsync)
            .WithSummary("One vital in a time range: raw samples (twin window and history lake as one series) or 1m/1h/1d aggregates")
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

    private static async Task<Results<Ok<VitalSeriesView>, Ok<VitalAggregatesView>, ProblemHttpResult>> GetVitalsAsync(
        string id, string? type, string? from, string? to, string? resolution, int? limit, IGrainFactory grains,
        PatientHistory history, TimeProvider time, CancellationToken cancellationToken)
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

        HistoryResolution? bucket = null;
        if (resolution is not null and not "raw")
        {
            if (!HistoryResolutions.TryParse(resolution, out var parsed))
            {
                return Problems.BadRequest("invalid_resolution", "'resolution' must be raw, 1m, 1h or 1d.");
            }

            bucket = parsed;
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest("invalid_limit", $"'limit' must be between 1 and {MaxLimit}.");
        }

        var patient = grains.GetGrain<IPatientGrain>(id);
        if (await patient.GetStatusAsync() is null)
        {
            return Problems.NotFound("patient", id);
        }

        // Without 'from' the answer is the twin's recent window alone (no lake scan); with it, the lake joins in.
        var recent = await patient.GetVitalsAsync(vital.Type, fromTime ?? DateTimeOffset.MinValue, toTime ?? DateTimeOffset.MaxValue);
        if (fromTime is not { } start)
        {
            return bucket is null
                ? TypedResults.Ok(SeriesView(id, vital, fromTime, toTime, recent, truncated: false))
                : Problems.BadRequest("missing_from", "Aggregates need 'from' (and optionally 'to').");
        }

        var end = toTime ?? time.GetUtcNow().AddDays(1);
        if (end - start > MaxRange)
        {
            return Problems.BadRequest("range_too_long",
                $"A query spans at most {MaxRange.TotalDays:0} days; split it, or use SQL (POST /api/v1/analytics/sql) for longer analyses.");
        }

        if (bucket is { } coarse)
        {
            var buckets = await history.AggregateAsync(id, vital.Type, start, end, coarse, cancellationToken);
            return TypedResults.Ok(new VitalAggregatesView(id, vital.Code, vital.CanonicalUnit, fromTime, toTime, resolution!,
                [.. buckets.Select(b => new VitalBucketView(b.Start, b.Count, b.Min, b.Max, b.Mean, b.P50, b.P95))]));
        }

        var (samples, truncated) = await history.ReadAsync(id, vital.Type, recent, start, end, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(SeriesView(id, vital, fromTime, toTime, samples, truncated));
    }

    private static VitalSeriesView SeriesView(
        string id, VitalDefinition vital, DateTimeOffset? from, DateTimeOffset? to, IReadOnlyList<VitalSample> samples, bool truncated)
    {
        var views = samples.Select(s => VitalSampleView.From(s)).ToList();
        return new VitalSeriesView(id, vital.Code, vital.CanonicalUnit, from, to, views.Count, views) { Truncated = truncated };
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
