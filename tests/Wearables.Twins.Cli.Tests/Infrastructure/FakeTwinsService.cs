using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Security;
using Wearables.Twins.Telemetry.Wire;

namespace Wearables.Twins.Cli.Tests.Infrastructure;

/// <summary>
/// A small real HTTP server on a free loopback port that answers like Wearables.Twins does: the same routes,
/// canned bodies of the same shape, problem+json made by the same ASP.NET Core call, and every request recorded.
/// </summary>
public sealed class FakeTwinsService : IAsyncDisposable
{
    /// <summary>A device id the fake refuses with 403, as the service does when the topic and the envelope disagree.</summary>
    public const string RefusedDevice = "refused-device";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private FakeTwinsService(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Devices = new FakeDeviceCertificates(dataDirectory);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The service's data directory: its local issuer key (so <c>--data-dir</c> gives the CLI an admin token) and device authority.</summary>
    public string DataDirectory { get; }

    public FakeDeviceCertificates Devices { get; }

    /// <summary>When false, <c>/health/ready</c> answers 503 "Unhealthy", as while the telemetry log replays.</summary>
    public bool Ready { get; set; } = true;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeTwinsService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var dataDirectory = Directory.CreateTempSubdirectory("twins-cli-tests-").FullName;
        LocalSigningKey.Load(LocalIssuer.KeyPath(dataDirectory), create: true).Dispose();
        var service = new FakeTwinsService(app, dataDirectory);

        // As the service: empty refusals (401/403 of the authorization policy) become problem+json.
        app.UseStatusCodePages();
        service.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service.Url = new Uri(address);
        return service;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Devices.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            _requests.Enqueue(new RecordedRequest(
                context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
                context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "", context.Request.ContentType, body));
            await next(context);
        });

        Devices.Map(app);

        app.MapGet("/health/ready", () => Ready
            ? Results.Text("Healthy", "text/plain")
            : Results.Text("Unhealthy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable));

        app.MapGet("/api/v1/patients/{id}", (string id) => id switch
        {
            CannedResponses.PatientId => Json(CannedResponses.Patient),
            "crash" => Results.Text("Something broke.", "text/plain", statusCode: StatusCodes.Status500InternalServerError),
            _ => NotFound("patient", id),
        });

        app.MapGet("/api/v1/patients/{id}/vitals", (string id, string? type, string? from, string? to) =>
            id == CannedResponses.PatientId
                ? Json(CannedResponses.Vitals(type ?? "", from, to))
                : NotFound("patient", id));

        app.MapGet("/api/v1/wearables/{id}", (string id) =>
            id == CannedResponses.WearableId ? Json(CannedResponses.Wearable) : NotFound("wearable", id));

        app.MapPut("/api/v1/wearables/{id}/patient", async (string id, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            return body?["patientId"]?.GetValue<string>() is { } patientId
                ? Json(CannedResponses.BoundWearable(id, patientId))
                : Problem(400, "The request is not valid.", "missing_patient_id", "The body must be {\"patientId\": \"…\"}.");
        });

        app.MapPost("/api/v1/telemetry", async (HttpRequest request) =>
        {
            if (!request.HasJsonContentType())
            {
                return Problem(415, "The media type is not supported.", "unsupported_media_type", "Send the envelope as application/json.");
            }

            var envelope = await JsonSerializer.DeserializeAsync(request.Body, TelemetryJsonContext.Default.TelemetryEnvelope);
            return envelope!.DeviceId == RefusedDevice
                ? Problem(403, "The request is not allowed.", "device_mismatch", "The envelope's deviceId does not match the topic.")
                : Results.Json(IngestReport(envelope), statusCode: StatusCodes.Status202Accepted);
        });
    }

    /// <summary>Accepts every sample except negative values, which it rejects as the service would.</summary>
    private static JsonObject IngestReport(TelemetryEnvelope envelope)
    {
        var verdicts = new JsonArray();
        var rejected = 0;
        for (var i = 0; i < envelope.Samples.Count; i++)
        {
            var sample = envelope.Samples[i];
            var verdict = new JsonObject { ["index"] = i };
            if (sample.Value < 0)
            {
                rejected++;
                verdict["status"] = "rejected";
                verdict["reason"] = "implausible_value";
                verdict["detail"] = string.Create(CultureInfo.InvariantCulture,
                    $"{sample.Type} value {sample.Value} {sample.Unit} is outside the plausible range 20–300.");
            }
            else
            {
                verdict["status"] = "accepted";
            }

            verdicts.Add(verdict);
        }

        var accepted = envelope.Samples.Count - rejected;
        return new JsonObject
        {
            ["outcome"] = accepted > 0 ? "stored" : "nothing_stored",
            ["deviceId"] = envelope.DeviceId,
            ["messageId"] = envelope.MessageId,
            ["accepted"] = accepted,
            ["rejected"] = rejected,
            ["duplicates"] = 0,
            ["samples"] = verdicts,
        };
    }

    private static IResult Json(string body) => Results.Text(body, "application/json");

    private static ProblemHttpResult NotFound(string what, string id)
        => Problem(404, "Not found.", "not_found", $"No {what} '{id}' is known.");

    // The same call the service makes in Problems.Create, so the body has the same fields.
    private static ProblemHttpResult Problem(int status, string title, string reason, string detail)
        => TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason });
}
