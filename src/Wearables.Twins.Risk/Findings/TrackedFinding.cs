namespace Wearables.Twins.Risk.Findings;

/// <summary>The tracker's memory for one kind: the open finding (if any), the last resolved one, and the hysteresis clocks.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Risk.TrackedFinding")]
public sealed class TrackedFinding
{
    [Id(0)] public FindingKind Kind { get; set; }

    [Id(1)] public Finding? Open { get; set; }

    [Id(2)] public Finding? LastResolved { get; set; }

    /// <summary>Since when the open criteria have held while no finding is open.</summary>
    [Id(3)] public DateTimeOffset? PendingSince { get; set; }

    /// <summary>Since when the keep-open criteria have failed while a finding is open.</summary>
    [Id(4)] public DateTimeOffset? ClearingSince { get; set; }

    /// <summary>Since when the signal's level has been below the open finding's level.</summary>
    [Id(5)] public DateTimeOffset? LowerSince { get; set; }
}
