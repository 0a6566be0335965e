namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>A message body that is not a campaign message. Retrying cannot help; it ends in the dead-letter queue.</summary>
public sealed class InvalidCampaignMessageException : Exception
{
    public InvalidCampaignMessageException()
    {
    }

    public InvalidCampaignMessageException(string message)
        : base(message)
    {
    }

    public InvalidCampaignMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
