namespace Wearables.Twins.Messaging;

/// <summary>
/// The embedded transport refused a publish because a queue reached its bound. Nothing was written: the
/// producer (the twin's outbox) keeps the message and retries later, so nothing is lost.
/// </summary>
public sealed class MessageQueueFullException : Exception
{
    public MessageQueueFullException()
    {
    }

    public MessageQueueFullException(string message)
        : base(message)
    {
    }

    public MessageQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
