namespace Wearables.Twins.Risk.Findings;

/// <summary>All of a patient's tracked findings: at most one entry per <see cref="FindingKind"/>, so bounded.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Risk.FindingTrackerState")]
public sealed class FindingTrackerState
{
    [Id(0)] public List<TrackedFinding> Entries { get; set; } = [];

    public IEnumerable<Finding> OpenFindings => Entries.Where(e => e.Open is not null).Select(e => e.Open!);

    /// <summary>The highest level among open findings.</summary>
    public RiskLevel OverallLevel => Entries.Select(e => e.Open?.Level ?? RiskLevel.None).DefaultIfEmpty(RiskLevel.None).Max();

    public TrackedFinding Get(FindingKind kind)
    {
        foreach (var entry in Entries)
        {
            if (entry.Kind == kind)
            {
                return entry;
            }
        }

        var created = new TrackedFinding { Kind = kind };
        Entries.Add(created);
        return created;
    }
}
