using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>What an inbox's outbox calls in the silo: serializes the notice and publishes it to the topic.</summary>
public sealed class CareTeamEscalationPublisher : ICareTeamEscalationPublisher
{
    private readonly IMessageTransport _transport;

    public CareTeamEscalationPublisher(IMessageTransport transport) => _transport = transport;

    public Task PublishAsync(CareTeamEscalationNotice notice, CancellationToken cancellationToken = default)
        => _transport.PublishAsync(CareTeamEscalationMessages.ToMessage(notice), cancellationToken);
}
