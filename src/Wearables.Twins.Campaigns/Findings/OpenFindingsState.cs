namespace Wearables.Twins.Campaigns.Findings;

/// <summary>
/// One projection shard's findings, keyed by patient and finding id. Bounded: tombstones of resolved findings are
/// dropped after <see cref="TombstoneRetention"/>, and the shard holds at most <see cref="Capacity"/> entries
/// (oldest dropped first).
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.OpenFindingsState")]
public sealed class OpenFindingsState
{
    public const int Capacity = 100_000;

    /// <summary>Long enough to outlive any redelivery or reordering of an older transition (SQS retention is 14 days at most).</summary>
    public static readonly TimeSpan TombstoneRetention = TimeSpan.FromDays(30);

    [Id(0)] public Dictionary<string, FindingEntry> Findings { get; init; } = new(StringComparer.Ordinal);
}
