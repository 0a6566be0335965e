namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>
/// What a patient's engagement grain persists. Bounded: <see cref="HistoryCapacity"/> audit events, one entry per
/// campaign (the catalogue holds at most 1000), and the messages of the last <see cref="MessageRetention"/> up to
/// <see cref="MessageCapacity"/>.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.EngagementState")]
public sealed class EngagementState
{
    public const int HistoryCapacity = 50;
    public const int MessageCapacity = 100;
    public const int CampaignCapacity = 1000;

    /// <summary>Longer than any redelivery (SQS keeps messages 14 days at most) and than the weekly cap's window.</summary>
    public static readonly TimeSpan MessageRetention = TimeSpan.FromDays(30);

    [Id(0)] public ConsentRecord? Consent { get; set; }
    [Id(1)] public DateTimeOffset? OptedOutOfAllAt { get; set; }
    [Id(2)] public Dictionary<string, DateTimeOffset> CampaignOptOuts { get; init; } = new(StringComparer.Ordinal);
    [Id(3)] public Dictionary<string, CampaignEngagement> Campaigns { get; init; } = new(StringComparer.Ordinal);
    [Id(4)] public List<MessageRecord> Messages { get; init; } = [];
    [Id(5)] public List<ConsentEvent> History { get; init; } = [];
}
