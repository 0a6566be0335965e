namespace Wearables.Twins.Risk.Findings;

/// <summary>What happened to a finding; each becomes at most one recommendation in a later outbox.</summary>
public enum TransitionType
{
    Opened = 0,
    Escalated = 1,
    Deescalated = 2,
    Resolved = 3,
}
