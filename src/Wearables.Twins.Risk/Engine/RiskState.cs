using System.Collections.Immutable;
using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Risk.News2;
using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Engine;

/// <summary>
/// The risk part of a patient twin's persisted state (bounded: ~6 KB of baselines, ≤ 96 rhythm windows, one tracked
/// entry per finding kind). Persist it with the grain's state; it is rebuilt from nothing if lost (baselines relearn).
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.Risk.RiskState")]
public sealed class RiskState
{
    public const int RhythmHistoryCapacity = 96;

    [Id(0)] public PersonalBaselines Baselines { get; set; } = new();

    [Id(1)] public FindingTrackerState Findings { get; set; } = new();

    [Id(2)] public ImmutableArray<RhythmWindow> RhythmHistory { get; set; } = [];

    [Id(3)] public News2Result? LastNews2 { get; set; }

    [Id(4)] public DateTimeOffset? EvaluatedAt { get; set; }

    [Id(5)] public string? Model { get; set; }

    [Id(6)] public bool FellBack { get; set; }

    /// <summary>Appends newly judged windows, keeping the newest <see cref="RhythmHistoryCapacity"/>.</summary>
    public void AppendRhythm(ImmutableArray<RhythmWindow> windows)
    {
        if (windows.IsDefaultOrEmpty)
        {
            return;
        }

        var all = RhythmHistory.AddRange(windows);
        RhythmHistory = all.Length > RhythmHistoryCapacity ? all[^RhythmHistoryCapacity..] : all;
    }

    public RiskStatus ToStatus() => new(
        Findings.OverallLevel,
        [.. Findings.OpenFindings.OrderByDescending(f => f.Level).ThenBy(f => f.OpenedAt)],
        LastNews2,
        EvaluatedAt,
        Model,
        FellBack);
}
