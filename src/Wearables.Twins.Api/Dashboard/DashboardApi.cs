using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Wearables.Twins.Api.Dashboard;

/// <summary>
/// The care-team dashboard: three static files embedded in this assembly, served at <c>/</c> without a token (they hold
/// no data: every call the page makes carries the user's token). A strict content security policy allows only this
/// origin's own script, style and API, so a pasted token cannot leave for anywhere else.
/// </summary>
public static class DashboardApi
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly DashboardFile Page = DashboardFile.Load("index.html", "text/html; charset=utf-8");
    private static readonly DashboardFile Script = DashboardFile.Load("dashboard.js", "text/javascript; charset=utf-8");
    private static readonly DashboardFile Styles = DashboardFile.Load("dashboard.css", "text/css; charset=utf-8");

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        Map(app, "/", Page);
        Map(app, "/dashboard/dashboard.js", Script);
        Map(app, "/dashboard/dashboard.css", Styles);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, DashboardFile file)
        => app.MapGet(path, (HttpContext http) => Serve(http, file))
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static IResult Serve(HttpContext http, DashboardFile file)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = file.ETag;
        return http.Request.Headers.IfNoneMatch == file.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(file.Content, file.ContentType);
    }
}
