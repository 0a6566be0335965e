using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <summary>What a campaign grain persists. Bounded: counters by reason have one entry per reason code.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public CampaignDefinition? Definition { get; set; }
    [Id(1)] public CampaignActivity Activity { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public DateTimeOffset StateChangedAt { get; set; }

    /// <summary>The last schedule slot a run was started for (or skipped by resuming).</summary>
    [Id(4)] public DateTimeOffset? LastScheduledSlot { get; set; }

    [Id(5)] public DateTimeOffset? LastRunAt { get; set; }
    [Id(6)] public string? RunningRunId { get; set; }
    [Id(7)] public DateTimeOffset? RunningSince { get; set; }
    [Id(8)] public DateTimeOffset? RunLeaseUntil { get; set; }
    [Id(9)] public int MembershipShards { get; set; }
    [Id(10)] public long Runs { get; set; }
    [Id(11)] public long FailedRuns { get; set; }
    [Id(12)] public long Matched { get; set; }
    [Id(13)] public long Enrolled { get; set; }
    [Id(14)] public long Queued { get; set; }
    [Id(15)] public long Messaged { get; set; }
    [Id(16)] public Dictionary<string, long> Skipped { get; init; } = new(StringComparer.Ordinal);
    [Id(17)] public Dictionary<string, long> DeliveryDropped { get; init; } = new(StringComparer.Ordinal);
    [Id(18)] public long Exited { get; set; }
    [Id(19)] public long StillMatching { get; set; }
    [Id(20)] public RunReport? LastRun { get; set; }
}
