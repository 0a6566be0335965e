namespace Wearables.Twins.Messaging.Embedded;

/// <summary>What one receive did: the messages handed out, and how many moved to (or fell out of) the dead-letter queue.</summary>
internal readonly record struct ReceiveResult(IReadOnlyList<ReceivedMessage> Messages, int DeadLettered, int DeadLettersDropped);
