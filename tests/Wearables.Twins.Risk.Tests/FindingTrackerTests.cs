using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Tests;

public class FindingTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FindingTracker _tracker = new();
    private readonly FindingTrackerState _state = new();

    private static RiskSignal Signal(FindingKind kind, RiskLevel level, bool persisting, double value = 1)
        => new(kind, level, persisting, value, $"{kind} {level}", "rule", []);

    private System.Collections.Immutable.ImmutableArray<FindingTransition> At(int minutes, RiskSignal signal)
        => _tracker.Apply(_state, "p1", [signal], T0.AddMinutes(minutes));

    [Fact]
    public void A_finding_opens_only_after_its_condition_held_for_the_open_delay()
    {
        Assert.Empty(At(0, Signal(FindingKind.News2, RiskLevel.Medium, true)));
        Assert.Empty(At(10, Signal(FindingKind.News2, RiskLevel.Medium, true)));
        var opened = Assert.Single(At(15, Signal(FindingKind.News2, RiskLevel.Medium, true)));
        Assert.Equal(TransitionType.Opened, opened.Type);
        Assert.Equal(RiskLevel.Medium, _state.OverallLevel);
        Assert.Equal(T0, opened.Finding.Since);
    }

    [Fact]
    public void A_condition_that_drops_before_the_delay_does_not_open()
    {
        At(0, Signal(FindingKind.News2, RiskLevel.Medium, true));
        At(10, Signal(FindingKind.News2, RiskLevel.None, false));
        Assert.Empty(At(20, Signal(FindingKind.News2, RiskLevel.Medium, true)));
        Assert.Null(_state.Get(FindingKind.News2).Open);
    }

    [Fact]
    public void A_value_oscillating_around_the_open_threshold_opens_once_and_does_not_flap()
    {
        var transitions = new List<FindingTransition>();
        for (var minute = 0; minute < 6 * 60; minute += 5)
        {
            // Above the open threshold every other reading, never below the close threshold.
            var above = minute / 5 % 2 == 0;
            transitions.AddRange(At(minute, Signal(FindingKind.Fever, above ? RiskLevel.Low : RiskLevel.None, persisting: true)));
        }

        Assert.Equal([TransitionType.Opened], transitions.Select(t => t.Type));
    }

    [Fact]
    public void Escalation_is_immediate_deescalation_waits_and_resolution_waits_for_the_close_delay()
    {
        At(0, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 88));
        Assert.Equal(TransitionType.Escalated, Assert.Single(At(5, Signal(FindingKind.Hypoxemia, RiskLevel.High, true, 83))).Type);
        Assert.Empty(At(10, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 88)));
        var lowered = Assert.Single(At(40, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 89)));
        Assert.Equal((TransitionType.Deescalated, RiskLevel.High, RiskLevel.Medium), (lowered.Type, lowered.From, lowered.To));

        Assert.Empty(At(45, Signal(FindingKind.Hypoxemia, RiskLevel.None, false, 95)));
        var resolved = Assert.Single(At(75, Signal(FindingKind.Hypoxemia, RiskLevel.None, false, 96)));
        Assert.Equal(TransitionType.Resolved, resolved.Type);
        Assert.Equal(FindingStatus.Resolved, resolved.Finding.Status);
        Assert.Equal(RiskLevel.None, _state.OverallLevel);
        Assert.Same(resolved.Finding, _state.Get(FindingKind.Hypoxemia).LastResolved);
    }

    [Fact]
    public void Transition_ids_are_unique_per_revision_and_name_the_finding()
    {
        var opened = Assert.Single(At(0, Signal(FindingKind.Fever, RiskLevel.Low, true)));
        var escalated = Assert.Single(At(1, Signal(FindingKind.Fever, RiskLevel.High, true)));
        Assert.StartsWith("p1/Fever/", opened.Id, StringComparison.Ordinal);
        Assert.Equal(opened.Finding.Id, escalated.Finding.Id);
        Assert.NotEqual(opened.Id, escalated.Id);
    }

    [Fact]
    public void Trend_says_whether_the_key_value_worsened()
    {
        At(0, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 88));
        At(5, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 86));
        Assert.Equal(Trend.Worsening, _state.Get(FindingKind.Hypoxemia).Open!.Trend);
        At(10, Signal(FindingKind.Hypoxemia, RiskLevel.Medium, true, 89));
        Assert.Equal(Trend.Improving, _state.Get(FindingKind.Hypoxemia).Open!.Trend);
    }
}
