namespace Wearables.Twins.Messaging.Recommendations;

/// <summary>A message body that is not a valid recommendation. Retrying cannot help; it ends in the dead-letter queue.</summary>
public sealed class InvalidRecommendationMessageException : Exception
{
    public InvalidRecommendationMessageException()
    {
    }

    public InvalidRecommendationMessageException(string message)
        : base(message)
    {
    }

    public InvalidRecommendationMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
