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
        => builder.WithAuditedAccess(TwinsPolicies.Person, patientRouteValue: routeValue, targetRouteValue: null,
            (access, caller, patientId) => access.CheckAsync(caller, patientId));

    /// <summary>Members of the care team named by the route value, and admins; audited.</summary>
    public static TBuilder RequireTeamAccess<TBuilder>(this TBuilder builder, string routeValue = "teamId")
        where TBuilder : IEndpointConventionBuilder
        => builder.WithAuditedAccess(TwinsPolicies.Clinician, patientRouteValue: null, targetRouteValue: routeValue,
            (access, caller, teamId) => access.CheckTeamAsync(caller, teamId));

    /// <summary>
    /// Admins only; audited (SQL over every patient, erasure, campaigns, care-team management, device credentials), with the
    /// patient or other resource the route names.
    /// </summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder, string? patientRouteValue = null, string? targetRouteValue = null)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithAuditedAccess(TwinsPolicies.Admin, patientRouteValue, targetRouteValue, check: null);

    /// <summary>Audits every call (the checks live in the handler); the route value <paramref name="targetRouteValue"/> names the resource.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string? targetRouteValue = null)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithAuditedAccess(policy: null, patientRouteValue: null, targetRouteValue, check: null);

    /// <summary>
    /// The one filter behind every convention: read the record the route names, check the caller against it (when there is
    /// a check), and audit the call either way.
    /// </summary>
    private static TBuilder WithAuditedAccess<TBuilder>(this TBuilder builder, string? policy, string? patientRouteValue, string? targetRouteValue,
        Func<PatientAccess, Caller, string, ValueTask<AccessDecision>>? check)
        where TBuilder : IEndpointConventionBuilder
    {
        if (policy is not null)
        {
            builder.RequireAuthorization(policy);
        }

        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var patientId = patientRouteValue is null ? null : http.GetRouteValue(patientRouteValue) as string;
            var target = targetRouteValue is null ? null : http.GetRouteValue(targetRouteValue) as string;
            var caller = Caller.From(http.User);
            if (check is not null && (patientId ?? target) is { } checkedId)
            {
                // Fail closed: a token that names nobody (no subject) is checked as nobody, and nobody may see a record.
                var decision = caller is null
                    ? AccessDecision.Deny("unknown_caller", "The token names no subject.")
                    : await check(http.RequestServices.GetRequiredService<PatientAccess>(), caller, checkedId);
                if (!decision.IsAllowed)
                {
                    await AuditRecorder.RecordAsync(http, caller, patientId, target, StatusCodes.Status403Forbidden, decision.Reason);
                    return Problems.Create(StatusCodes.Status403Forbidden, decision.Reason!, decision.Detail!);
                }
            }

            return await InvokeAuditedAsync(context, next, caller, patientId, target);
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
