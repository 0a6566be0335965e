using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Security.Access;

namespace Wearables.Twins.Security.Audit;

/// <summary>Writes the audit entry for the current request (REST and FHIR alike) and waits until it is durable.</summary>
public static class AuditRecorder
{
    private static readonly Caller Anonymous = new("anonymous", null, [], null, null);

    public static Task RecordAsync(HttpContext http, Caller? caller, string? patientId, string? target, int status, string? reason)
    {
        ArgumentNullException.ThrowIfNull(http);
        caller ??= Anonymous;
        var endpoint = http.GetEndpoint() as RouteEndpoint;
        var action = $"{http.Request.Method} {endpoint?.RoutePattern.RawText ?? http.Request.Path.Value}";
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return http.RequestServices.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry(time.GetUtcNow(), caller.Subject, caller.Role, action, patientId, target, status,
                http.Connection.RemoteIpAddress?.ToString(), reason),
            http.RequestAborted);
    }
}
