namespace Wearables.Twins.Messaging;

/// <summary>A message handed to a consumer. It stays invisible to other receivers until its visibility timeout ends.</summary>
/// <param name="Queue">The consumer queue it came from.</param>
/// <param name="MessageId">The producer's id (not the transport's).</param>
/// <param name="Kind">The kind attribute.</param>
/// <param name="Severity">The severity attribute.</param>
/// <param name="Body">The payload.</param>
/// <param name="ReceiveCount">How many times it has been received, this time included.</param>
/// <param name="ReceiptHandle">Transport token for <see cref="IMessageTransport.AckAsync"/> and <see cref="IMessageTransport.ReleaseAsync"/>.</param>
public sealed record ReceivedMessage(
    string Queue, string MessageId, string Kind, string Severity, string Body, int ReceiveCount, string ReceiptHandle);
