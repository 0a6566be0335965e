namespace Wearables.Twins.Messaging.Tests.Conformance;

/// <summary>A fresh, isolated transport (its own file, or its own topic and queue prefix) and how to dispose it.</summary>
public sealed class TransportUnderTest(IMessageTransport transport, Action dispose) : IDisposable
{
    public IMessageTransport Transport { get; } = transport;

    public void Dispose() => dispose();
}
