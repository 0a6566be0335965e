using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wearables.Twins.Messaging.Embedded;
using Wearables.Twins.Messaging.Tests.Conformance;

namespace Wearables.Twins.Messaging.Tests;

/// <summary>The conformance suite on the embedded (SQLite) transport, each test on its own file.</summary>
public sealed class EmbeddedTransportConformanceTests : MessageTransportConformance
{
    protected override TransportUnderTest CreateTransport()
    {
        var temp = new TempDirectory();
        var transport = Embedded.Create(temp.File("queues.db"));
        return new TransportUnderTest(transport, () =>
        {
            transport.Dispose();
            temp.Dispose();
        });
    }
}

internal static class Embedded
{
    public static EmbeddedMessageTransport Create(string path, Action<EmbeddedMessagingOptions>? configure = null)
    {
        var options = new MessagingOptions { Embedded = { DatabasePath = path, PollInterval = TimeSpan.FromMilliseconds(50) } };
        configure?.Invoke(options.Embedded);
        return new EmbeddedMessageTransport(Options.Create(options), TimeProvider.System, NullLogger<EmbeddedMessageTransport>.Instance);
    }
}
