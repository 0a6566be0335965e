using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Streaming;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// A care team's live view as server-sent events: a <c>snapshot</c> (every tile and the inbox), then <c>tile</c>,
/// <c>tile-removed</c>, <c>alerts</c> and <c>alerts-unavailable</c> events as things change, and a comment line as a
/// heartbeat. Browsers read it with <c>fetch()</c>, because <c>EventSource</c> cannot send the bearer token.
/// </summary>
public static class CareTeamStreamApi
{
    public const string EventStream = "text/event-stream";

    public static IEndpointRouteBuilder MapCareTeamStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/care-teams/{teamId}/stream", StreamAsync)
            .WithTags("Care teams")
            .WithSummary("Live tiles (latest vitals, NEWS2, risk, active findings) and alert inbox of a care team, as server-sent events")
            .WithDescription("Events: snapshot {teamId, displayName, patients, truncated, tiles[], alerts}; tile {patientId, lastUpdate, vitals, riskLevel, news2, findings}; "
                + "tile-removed {patientId}; alerts (as GET …/alerts); alerts-unavailable {detail}. A ': heartbeat' comment every 15 s when idle.")
            .RequireTeamAccess()
            .RequireRateLimiting(TwinsPolicies.UserRate)
            .Produces(StatusCodes.Status200OK, contentType: EventStream)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> StreamAsync(
        string teamId, HttpContext http, IGrainFactory grains, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        if (IdRules.Check("care team", teamId) is { } invalid)
        {
            return invalid;
        }

        if (await grains.GetGrain<ICareTeamGrain>(teamId).GetAsync() is not { } team)
        {
            return Problems.NotFound("care team", teamId);
        }

        // The stream ends when the client goes or the host stops (a graceful shutdown would otherwise wait for it).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            using var events = await ServerSentEventWriter.StartAsync(http.Response, stop.Token);
            var logger = loggers.CreateLogger(typeof(CareTeamStreamApi).FullName!);
            await new CareTeamStreamSession(teamId, grains, events, time, logger).RunAsync(team, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the normal end of a stream.
        }

        return TypedResults.Empty;
    }
}
