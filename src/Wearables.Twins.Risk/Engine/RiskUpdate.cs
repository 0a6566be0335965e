using System.Collections.Immutable;
using Wearables.Twins.Risk.Findings;

namespace Wearables.Twins.Risk.Engine;

/// <summary>The outcome of one evaluation for the grain: what changed (for the outbox) and the new status.</summary>
public sealed record RiskUpdate(ImmutableArray<FindingTransition> Transitions, RiskStatus Status, RiskEvaluation Evaluation);
