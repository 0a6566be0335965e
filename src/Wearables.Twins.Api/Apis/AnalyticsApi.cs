using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.History.Sql;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Api.Apis;

/// <summary>Read-only SQL over the history lake (DuckDB): the <c>vitals</c> view and the canned analyses. Admins only.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/analytics/sql", QueryAsync)
            .WithTags("Analytics")
            .RequireAdmin()
            .RequireRateLimiting(TwinsPolicies.UserRate)
            .WithSummary("One read-only SELECT over the lake's views; row and time limits; errors name the position")
            .Accepts<SqlRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    private static async Task<IResult> QueryAsync(SqlRequest request, HttpContext context, SqlAnalytics sql)
    {
        if (string.IsNullOrWhiteSpace(request.Sql))
        {
            return Problems.BadRequest("missing_sql", "The body needs \"sql\": one SELECT statement, e.g. SELECT count(*) FROM vitals.");
        }

        SqlResult result;
        try
        {
            result = await sql.QueryAsync(request.Sql, context.RequestAborted);
        }
        catch (SqlQueryException ex)
        {
            var reason = ex.Kind switch
            {
                SqlErrorKind.Rejected => "sql_rejected",
                SqlErrorKind.Timeout => "sql_timeout",
                _ => "invalid_sql",
            };
            return Problems.Create(StatusCodes.Status400BadRequest, reason, ex.Message,
                ex.Position is { } position ? new Dictionary<string, object?> { ["position"] = position } : null);
        }

        return Results.Stream(stream => SqlResultWriter.WriteJsonAsync(result, stream, context.RequestAborted), "application/json");
    }
}
