namespace Wearables.Twins.CareTeams;

/// <summary>Hands escalation notices to the messaging topic (what an inbox's outbox calls).</summary>
public interface ICareTeamEscalationPublisher
{
    /// <summary>
    /// Publishes one notice; completes once the transport has it durably and throws on failure (the inbox keeps the
    /// notice and retries). Publishing the same notice twice is harmless: consumers drop the copy by its id.
    /// </summary>
    Task PublishAsync(CareTeamEscalationNotice notice, CancellationToken cancellationToken = default);
}
