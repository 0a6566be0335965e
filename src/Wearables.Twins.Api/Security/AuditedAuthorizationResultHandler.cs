using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// Requests refused by a policy (no token, wrong role) never reach the endpoint filters that audit; this records them
/// too, with the patient the route names, so the log also shows who tried.
/// </summary>
internal sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && context.GetEndpoint() is RouteEndpoint)
        {
            var status = authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            var patient = context.Request.Path.StartsWithSegments("/api/v1/patients") ? context.GetRouteValue("id") as string : null;
            await AuditRecorder.RecordAsync(context, Caller.From(context.User), patient, null, status,
                authorizeResult.Challenged ? "unauthenticated" : "role_not_allowed");
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
