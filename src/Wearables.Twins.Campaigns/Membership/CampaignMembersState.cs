namespace Wearables.Twins.Campaigns.Membership;

/// <summary>A membership shard's members; bounded by the part of one cohort that falls in the shard.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.CampaignMembersState")]
public sealed class CampaignMembersState
{
    [Id(0)] public HashSet<string> Members { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public string? LastRunId { get; set; }
    [Id(2)] public MembershipResult? LastResult { get; set; }
}
