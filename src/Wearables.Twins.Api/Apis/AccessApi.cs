using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;

namespace Wearables.Twins.Api.Apis;

/// <summary>Who am I (for apps and the dashboard), and the audit log (admins).</summary>
public static class AccessApi
{
    private const int DefaultLimit = 200;
    private const int MaxLimit = 5_000;

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", (HttpContext context) => TypedResults.Ok(Caller.From(context.User)))
            .WithTags("Access")
            .WithSummary("The caller as the API sees them: subject, role, asserted care teams, patient or device id")
            .RequireAuthorization();
        app.MapGet("/api/v1/audit", QueryAsync)
            .WithTags("Access")
            .WithSummary("Reads and writes of patient data, newest first; filter by patientId, subject, from, to (RFC 3339), limit")
            .RequireAdmin()
            .RequireRateLimiting(TwinsPolicies.UserRate)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> QueryAsync(
        string? patientId, string? subject, string? from, string? to, int? limit, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest("invalid_limit", $"limit must be between 1 and {MaxLimit}.");
        }

        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (from is not null)
        {
            if (!Rfc3339Query.TryParse(from, out var parsed))
            {
                return Problems.BadRequest("invalid_time", $"from must be an RFC 3339 time with an offset; got '{from}'.");
            }

            start = parsed;
        }

        if (to is not null)
        {
            if (!Rfc3339Query.TryParse(to, out var parsed))
            {
                return Problems.BadRequest("invalid_time", $"to must be an RFC 3339 time with an offset; got '{to}'.");
            }

            end = parsed;
        }

        var entries = await audit.QueryAsync(new AuditQuery(patientId, subject, start, end, limit ?? DefaultLimit), cancellationToken);
        return TypedResults.Ok(entries);
    }
}
