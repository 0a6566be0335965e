namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>One campaign message to the patient: queued, then delivered or cancelled.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.MessageRecord")]
public sealed class MessageRecord
{
    [Id(0)] public string MessageId { get; set; } = string.Empty;
    [Id(1)] public string CampaignId { get; set; } = string.Empty;
    [Id(2)] public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The campaign's previous last-messaged time, restored if this message is cancelled (its cap is given back).</summary>
    [Id(3)] public DateTimeOffset? PreviousMessagedAt { get; set; }

    [Id(4)] public DateTimeOffset? DeliveredAt { get; set; }
    [Id(5)] public bool Cancelled { get; set; }
}
