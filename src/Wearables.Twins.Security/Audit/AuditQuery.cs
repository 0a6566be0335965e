namespace Wearables.Twins.Security.Audit;

/// <summary>Filters for reading the audit log; every one is optional. Newest first.</summary>
public sealed record AuditQuery(string? PatientId, string? Subject, DateTimeOffset? From, DateTimeOffset? To, int Limit);
