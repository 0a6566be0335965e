using System.Collections.Concurrent;
using System.Threading.Channels;
using Wearables.Twins.Messaging.Consuming;

namespace Wearables.Twins.Messaging.Tests.Conformance;

/// <summary>What the test handler does and what it saw: every handled message is written to <see cref="Handled"/>.</summary>
public sealed class HandlerProbe
{
    public Channel<ReceivedMessage> Handled { get; } = Channel.CreateUnbounded<ReceivedMessage>();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Runs before the message counts as handled; may throw (failure) or hang (a crash mid-message).</summary>
    public Func<ReceivedMessage, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public async Task<ReceivedMessage> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await Handled.Reader.ReadAsync(timeout.Token);
    }
}

/// <summary>The consumer's handler in the conformance tests.</summary>
public sealed class ProbeHandler(HandlerProbe probe) : IMessageHandler
{
    public async ValueTask<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        probe.Calls.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
        await probe.Behaviour(message, cancellationToken);
        await probe.Handled.Writer.WriteAsync(message, cancellationToken);
        return MessageOutcome.Done;
    }
}
