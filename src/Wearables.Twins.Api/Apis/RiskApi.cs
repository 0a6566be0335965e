using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Grains;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Grains;
using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// A patient's risk: the findings the engine keeps (screening signals, not diagnoses), and the values a clinician
/// enters that wearables cannot measure.
/// </summary>
public static class RiskApi
{
    private static readonly Dictionary<string, (News2Parameter Parameter, double Min, double Max)> Parameters = new(StringComparer.Ordinal)
    {
        ["respiration_rate"] = (News2Parameter.RespirationRate, 3, 80),
        ["oxygen_saturation"] = (News2Parameter.OxygenSaturation, 50, 100),
        ["air_or_oxygen"] = (News2Parameter.AirOrOxygen, 0, 1),
        ["systolic_blood_pressure"] = (News2Parameter.SystolicBloodPressure, 40, 300),
        ["pulse"] = (News2Parameter.Pulse, 20, 300),
        ["consciousness"] = (News2Parameter.Consciousness, 0, 1),
        ["temperature"] = (News2Parameter.Temperature, 30, 45),
    };

    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/patients").WithTags("Risk").RequirePatientAccess().RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapGet("/{id}/risk", GetRiskAsync)
            .WithSummary("Overall risk level, active findings with their evidence, and the last NEWS2 (screening signals)")
            .Produces<RiskStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Clinical judgements (consciousness, supplemental oxygen) are a clinician's to record, never the patient's own.
        group.MapPut("/{id}/observations", PutObservationsAsync)
            .RequireAuthorization(TwinsPolicies.Clinician)
            .WithSummary("Clinician-entered values for NEWS2 (consciousness, oxygen, a cuff blood pressure, …); re-scores at once (clinicians of the patient's team, admins)")
            .Accepts<ObservationsRequest>("application/json")
            .Produces<RiskStatus>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetRiskAsync(string id, IGrainFactory grains)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        if (await grains.GetGrain<IPatientGrain>(id).GetStatusAsync() is null)
        {
            return Problems.NotFound("patient", id);
        }

        return TypedResults.Json(await grains.GetGrain<IPatientRiskGrain>(id).GetRiskAsync(), RiskJsonContext.Default.RiskStatus);
    }

    private static async Task<IResult> PutObservationsAsync(string id, HttpRequest request, IGrainFactory grains, TimeProvider time)
    {
        if (IdRules.Check("patient", id) is { } invalid)
        {
            return invalid;
        }

        ObservationsRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, RiskJsonContext.Default.ObservationsRequest, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problems.BadRequest("malformed_json", $"The body is not valid JSON for observations: {ex.Message}");
        }

        if (body is null)
        {
            return Problems.BadRequest("malformed_json", "The body must be a JSON object with \"observations\".");
        }

        var now = time.GetUtcNow();
        var observations = ImmutableArray.CreateBuilder<ManualObservation>();
        var entries = body.Observations ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (Check(entries[i], i, now) is { } problem)
            {
                return problem;
            }

            var (parameter, _, _) = Parameters[entries[i].Parameter!];
            observations.Add(new ManualObservation(parameter, entries[i].Value!.Value, entries[i].Time!.Value));
        }

        var status = await grains.GetGrain<IPatientRiskGrain>(id)
            .SetObservationsAsync(observations.ToImmutable(), new ClinicalFlags { UseSpo2Scale2 = body.Spo2Scale2 });
        return TypedResults.Json(status, RiskJsonContext.Default.RiskStatus);
    }

    private static ProblemHttpResult? Check(ObservationEntry entry, int index, DateTimeOffset now)
    {
        if (entry.Parameter is null || !Parameters.TryGetValue(entry.Parameter, out var rule))
        {
            return Problems.BadRequest("unknown_parameter",
                $"Observation {index}: \"parameter\" must be one of: {string.Join(", ", Parameters.Keys)}.");
        }

        if (entry.Value is not { } value || value < rule.Min || value > rule.Max)
        {
            return Problems.BadRequest("implausible_value", string.Create(CultureInfo.InvariantCulture,
                $"Observation {index}: {entry.Parameter} needs a \"value\" between {rule.Min} and {rule.Max}."));
        }

        if (entry.Time is not { } taken || taken > now.AddMinutes(5))
        {
            return Problems.BadRequest("invalid_timestamp", $"Observation {index}: \"time\" must be an RFC 3339 time, not in the future.");
        }

        return null;
    }
}
