namespace Wearables.Twins.Workers.Alerts;

/// <summary>A message body that is not a valid escalation notice. Retrying cannot help; it ends in the dead-letter queue.</summary>
public sealed class InvalidEscalationMessageException : Exception
{
    public InvalidEscalationMessageException()
    {
    }

    public InvalidEscalationMessageException(string message)
        : base(message)
    {
    }

    public InvalidEscalationMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
