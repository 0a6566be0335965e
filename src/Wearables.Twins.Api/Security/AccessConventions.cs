using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Api.Apis;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Audit;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// How endpoints declare who may call them. Patient- and team-scoped endpoints check the record named in the route and
/// write an audit entry for every call, allowed or refused, before the answer leaves the server.
/// </summary>
public static class AccessConventions
{
    /// <summary>People who may see the patient named by the route value <paramref name="routeValue"/>; audited.</summary>
    public static TBuilder RequirePatientAccess<TBuilder>(this TBuilder builder, string routeValue = "id")
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(TwinsPolicies.Person);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var patientId = http.GetRouteValue(routeValue) as string;
            var caller = Caller.From(http.User)!;
            if (patientId is not null)
            {
                var decision = await http.RequestServices.GetRequiredService<PatientAccess>().CheckAsync(caller, patientId);
                if (!decision.IsAllowed)
                {
                    await AuditRecorder.RecordAsync(http, caller, patientId, null, StatusCodes.Status403Forbidden, decision.Reason);
                    return Problems.Create(StatusCodes.Status403Forbidden, decision.Reason!, decision.Detail!);
                }
            }

            return await InvokeAuditedAsync(context, next, caller, patientId, null);
        });
        return builder;
    }

    /// <summary>Members of the care team named by the route value, and admins; audited.</summary>
    public static TBuilder RequireTeamAccess<TBuilder>(this TBuilder builder, string routeValue = "teamId")
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(TwinsPolicies.Clinician);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var teamId = http.GetRouteValue(routeValue) as string;
            var caller = Caller.From(http.User)!;
            if (teamId is not null)
            {
                var decision = await http.RequestServices.GetRequiredService<PatientAccess>().CheckTeamAsync(caller, teamId);
                if (!decision.IsAllowed)
                {
                    await AuditRecorder.RecordAsync(http, caller, null, teamId, StatusCodes.Status403Forbidden, decision.Reason);
                    return Problems.Create(StatusCodes.Status403Forbidden, decision.Reason!, decision.Detail!);
                }
            }

            return await InvokeAuditedAsync(context, next, caller, null, teamId);
        });
        return builder;
    }

    /// <summary>Admins only; audited (SQL over every patient, erasure, campaigns, care-team management).</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder, string? patientRouteValue = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(TwinsPolicies.Admin);
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var patientId = patientRouteValue is null ? null : http.GetRouteValue(patientRouteValue) as string;
            return await InvokeAuditedAsync(context, next, Caller.From(http.User)!, patientId, null);
        });
        return builder;
    }

    /// <summary>Audits every call (the checks live in the handler); the route value <paramref name="targetRouteValue"/> names the resource.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string? targetRouteValue = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var target = targetRouteValue is null ? null : http.GetRouteValue(targetRouteValue) as string;
            return await InvokeAuditedAsync(context, next, Caller.From(http.User), null, target);
        });
        return builder;
    }

    private static async ValueTask<object?> InvokeAuditedAsync(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next, Caller? caller, string? patientId, string? target)
    {
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            await AuditRecorder.RecordAsync(context.HttpContext, caller, patientId, target, StatusCodes.Status500InternalServerError, "error");
            throw;
        }

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        await AuditRecorder.RecordAsync(context.HttpContext, caller, patientId, target, status, null);
        return result;
    }
}
