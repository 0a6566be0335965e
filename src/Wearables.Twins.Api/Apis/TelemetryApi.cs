using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Api.Apis;

/// <summary>The HTTP door: the same envelope and pipeline as MQTT.</summary>
public static class TelemetryApi
{
    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/telemetry", IngestAsync)
            .WithTags("Telemetry")
            .RequireAuthorization(TwinsPolicies.Device)
            .RequireRateLimiting(TwinsPolicies.DeviceRate)
            .WithSummary("Ingest one telemetry envelope v1")
            .WithDescription("202 with a per-sample report once the accepted samples are durable; problem+json when the envelope itself is refused. Needs a device token (the envelope must name that device) or an admin token.")
            .Accepts<TelemetryEnvelope>("application/json")
            .Produces<IngestReport>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<JsonHttpResult<IngestReport>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, TelemetryIngestor ingestor, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        // A device token vouches for exactly one device; an admin (tools replaying for a device) vouches for none.
        var device = Caller.From(request.HttpContext.User)?.DeviceId;
        if (!request.HasJsonContentType())
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "Send the envelope as application/json.");
        }

        var max = options.Value.MaxPayloadBytes;
        if (request.ContentLength > max)
        {
            return TooLarge(request.ContentLength.Value, max);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > max)
            {
                reader.AdvanceTo(buffer.End);
                return TooLarge(buffer.Length, max);
            }

            if (!read.IsCompleted)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            try
            {
                var report = await ingestor.IngestAsync(buffer, new IngestSource("http", device), cancellationToken);
                return ToResult(report);
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static Results<JsonHttpResult<IngestReport>, ProblemHttpResult> ToResult(IngestReport report)
    {
        if (report.Outcome is IngestOutcome.Stored or IngestOutcome.NothingStored)
        {
            return TypedResults.Json(report, ApiJsonContext.Default.IngestReport, statusCode: StatusCodes.Status202Accepted);
        }

        var problem = report.Problem!;
        var status = report.Outcome == IngestOutcome.Unavailable
            ? StatusCodes.Status503ServiceUnavailable
            : problem.Reason switch
            {
                RejectReasons.DeviceMismatch => StatusCodes.Status403Forbidden,
                RejectReasons.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status400BadRequest,
            };
        return Problems.Create(status, problem.Reason, problem.Detail,
            new Dictionary<string, object?> { ["deviceId"] = report.DeviceId, ["messageId"] = report.MessageId });
    }

    private static ProblemHttpResult TooLarge(long size, int max)
        => Problems.Create(StatusCodes.Status413PayloadTooLarge, RejectReasons.PayloadTooLarge,
            $"The envelope is {size} bytes; at most {max} are accepted. Split the batch.");
}
