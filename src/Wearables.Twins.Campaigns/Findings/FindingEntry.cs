using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Campaigns.Findings;

/// <summary>The latest known transition of one finding of one patient; a resolved one stays a while as a tombstone.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.FindingEntry")]
public sealed class FindingEntry
{
    [Id(0)] public string PatientId { get; set; } = string.Empty;
    [Id(1)] public string Kind { get; set; } = string.Empty;
    [Id(2)] public RecommendationSeverity Severity { get; set; }
    [Id(3)] public RecommendationTransition Transition { get; set; }
    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Transition != RecommendationTransition.Resolved;
}
