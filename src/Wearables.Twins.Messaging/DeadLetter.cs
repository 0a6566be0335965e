namespace Wearables.Twins.Messaging;

/// <summary>A message that exhausted its receives and waits in a queue's dead-letter queue.</summary>
public sealed record DeadLetter(string Queue, string MessageId, string Kind, string Severity, string Body, int ReceiveCount);
