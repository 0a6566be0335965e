using Microsoft.Extensions.Hosting;

namespace Wearables.Twins.Messaging.Hosting;

/// <summary>
/// Ensures every declared queue (<see cref="MessagingServiceCollectionExtensions.AddMessageSubscription"/> and
/// consumers) exists before the host finishes starting, so publishes from this process reach them.
/// </summary>
internal sealed class SubscriptionProvisioner : IHostedService
{
    private readonly IMessageTransport _transport;
    private readonly IEnumerable<QueueSubscription> _subscriptions;

    public SubscriptionProvisioner(IMessageTransport transport, IEnumerable<QueueSubscription> subscriptions)
    {
        _transport = transport;
        _subscriptions = subscriptions;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions.DistinctBy(s => s.Queue))
        {
            await _transport.EnsureSubscriptionAsync(subscription, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
