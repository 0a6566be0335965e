using System.Text.Json;
using Wearables.Twins.Messaging;

namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>
/// Maps campaign messages to and from topic messages. Their severity attribute is <c>campaign</c>, outside the
/// recommendation severities, so queues that filter on severities (notifications, the findings projection) never
/// receive them; the delivery queue filters on <see cref="Kind"/>.
/// </summary>
public static class CampaignMessageCodec
{
    public const string Kind = "campaign_message";
    public const string Severity = "campaign";

    public static string MessageId(string campaignId, string runId, string patientId) => $"campaign/{campaignId}/{runId}/{patientId}";

    public static OutgoingMessage ToOutgoing(CampaignMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new OutgoingMessage(message.MessageId, Kind, Severity, JsonSerializer.Serialize(message, CampaignJsonContext.Default.CampaignMessage));
    }

    /// <exception cref="InvalidCampaignMessageException">The body is not a campaign message (a poison message).</exception>
    public static CampaignMessage Read(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CampaignMessage? campaign;
        try
        {
            campaign = JsonSerializer.Deserialize(message.Body, CampaignJsonContext.Default.CampaignMessage);
        }
        catch (JsonException ex)
        {
            throw new InvalidCampaignMessageException($"Message {message.MessageId} on queue {message.Queue} is not a campaign message: {ex.Message}", ex);
        }

        if (campaign is null || !string.Equals(campaign.MessageId, message.MessageId, StringComparison.Ordinal))
        {
            throw new InvalidCampaignMessageException($"Message {message.MessageId} on queue {message.Queue} carries another message id.");
        }

        return campaign;
    }
}
