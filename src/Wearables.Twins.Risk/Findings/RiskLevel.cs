namespace Wearables.Twins.Risk.Findings;

/// <summary>How urgently a screening signal deserves a look; ordered so that the larger value is the more urgent.</summary>
public enum RiskLevel
{
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
