namespace Wearables.Twins.Security.Audit;

/// <summary>One read or write of patient data (or an attempt): who, what, when, from where, and how it ended.</summary>
/// <param name="At">When the answer was decided, UTC.</param>
/// <param name="Subject">The caller's id; "anonymous" when the request carried no valid token.</param>
/// <param name="Role">The caller's role, when known.</param>
/// <param name="Action">HTTP method and route template, e.g. "GET /api/v1/patients/{id}/vitals".</param>
/// <param name="PatientId">The patient whose data it was, when the route names one.</param>
/// <param name="Target">Another resource the route names (care team, campaign, wearable), when it does.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="RemoteAddress">The client's address as the server saw it.</param>
/// <param name="Reason">The refusal's reason code, when refused.</param>
public sealed record AuditEntry(
    DateTimeOffset At, string Subject, string? Role, string Action, string? PatientId, string? Target, int Status, string? RemoteAddress, string? Reason);
