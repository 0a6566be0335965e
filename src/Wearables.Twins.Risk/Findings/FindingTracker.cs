using System.Collections.Immutable;
using System.Globalization;

namespace Wearables.Twins.Risk.Findings;

/// <summary>
/// Turns each evaluation's signals into one finding per (patient, kind) with an open → updated → resolved lifecycle,
/// applying <see cref="FindingPolicy"/> hysteresis. Pure apart from mutating the state passed in.
/// </summary>
public sealed class FindingTracker
{
    private readonly Func<FindingKind, FindingPolicy> _policies;

    public FindingTracker(Func<FindingKind, FindingPolicy>? policies = null) => _policies = policies ?? FindingPolicy.For;

    /// <summary>Applies the signals of one evaluation at <paramref name="now"/>; returns the transitions it caused.</summary>
    public ImmutableArray<FindingTransition> Apply(FindingTrackerState state, string patientId, IEnumerable<RiskSignal> signals, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(signals);
        var transitions = ImmutableArray.CreateBuilder<FindingTransition>();
        foreach (var signal in signals)
        {
            var entry = state.Get(signal.Kind);
            var policy = _policies(signal.Kind);
            if (entry.Open is null)
            {
                TryOpen(entry, policy, patientId, signal, now, transitions);
            }
            else
            {
                Update(entry, policy, patientId, signal, now, transitions);
            }
        }

        return transitions.ToImmutable();
    }

    private static void TryOpen(TrackedFinding entry, FindingPolicy policy, string patientId, RiskSignal signal, DateTimeOffset now,
        ImmutableArray<FindingTransition>.Builder transitions)
    {
        if (signal.Level == RiskLevel.None)
        {
            entry.PendingSince = null;
            return;
        }

        entry.PendingSince ??= now;
        if (now - entry.PendingSince < policy.OpenAfter)
        {
            return;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{patientId}/{signal.Kind}/{now.UtcTicks}");
        var finding = new Finding(id, signal.Kind, signal.Level, FindingStatus.Open, now, signal.ObservedSince ?? entry.PendingSince.Value, now, null,
            signal.Summary, signal.Rule, signal.Evidence, signal.Baseline, signal.Value, Trend.Steady, 0);
        entry.Open = finding;
        entry.PendingSince = null;
        entry.ClearingSince = null;
        entry.LowerSince = null;
        transitions.Add(Transition(patientId, TransitionType.Opened, RiskLevel.None, finding, now));
    }

    private static void Update(TrackedFinding entry, FindingPolicy policy, string patientId, RiskSignal signal, DateTimeOffset now,
        ImmutableArray<FindingTransition>.Builder transitions)
    {
        var open = entry.Open!;
        var informative = !double.IsNaN(signal.Value);
        var updated = informative
            ? open with
            {
                UpdatedAt = now,
                Summary = signal.Summary,
                Evidence = signal.Evidence.IsDefaultOrEmpty ? open.Evidence : signal.Evidence,
                Baseline = signal.Baseline ?? open.Baseline,
                Value = signal.Value,
                Trend = TrendOf(open.Value, signal.Value, policy.HigherIsWorse),
            }
            : open with { UpdatedAt = now };

        if (!signal.Persisting)
        {
            entry.ClearingSince ??= now;
            if (now - entry.ClearingSince >= policy.CloseAfter)
            {
                var resolved = updated with { Status = FindingStatus.Resolved, ResolvedAt = now, Revision = open.Revision + 1 };
                transitions.Add(Transition(patientId, TransitionType.Resolved, open.Level, resolved, now));
                entry.LastResolved = resolved;
                entry.Open = null;
                entry.ClearingSince = null;
                entry.LowerSince = null;
                return;
            }
        }
        else
        {
            entry.ClearingSince = null;
        }

        if (signal.Level > open.Level)
        {
            updated = updated with { Level = signal.Level, Revision = open.Revision + 1 };
            transitions.Add(Transition(patientId, TransitionType.Escalated, open.Level, updated, now));
            entry.LowerSince = null;
        }
        else if (signal.Level < open.Level && signal.Level > RiskLevel.None)
        {
            entry.LowerSince ??= now;
            if (now - entry.LowerSince >= policy.DeescalateAfter)
            {
                updated = updated with { Level = signal.Level, Revision = open.Revision + 1 };
                transitions.Add(Transition(patientId, TransitionType.Deescalated, open.Level, updated, now));
                entry.LowerSince = null;
            }
        }
        else
        {
            entry.LowerSince = null;
        }

        entry.Open = updated;
    }

    private static Trend TrendOf(double previous, double current, bool higherIsWorse)
    {
        if (double.IsNaN(previous) || Math.Abs(current - previous) <= 0.01 * Math.Max(1, Math.Abs(previous)))
        {
            return Trend.Steady;
        }

        return (current > previous) == higherIsWorse ? Trend.Worsening : Trend.Improving;
    }

    private static FindingTransition Transition(string patientId, TransitionType type, RiskLevel from, Finding finding, DateTimeOffset now)
        => new(string.Create(CultureInfo.InvariantCulture, $"{finding.Id}#{finding.Revision}"), patientId, type, from, finding.Level, now, finding);
}
