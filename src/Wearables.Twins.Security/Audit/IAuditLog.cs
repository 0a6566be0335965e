namespace Wearables.Twins.Security.Audit;

/// <summary>The durable record of who touched which patient's data.</summary>
public interface IAuditLog
{
    /// <summary>Completes once the entry is durable, so no answer leaves the server unrecorded.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
