namespace Wearables.Twins.Risk.Findings;

/// <summary>Direction of a finding's key measurement since the previous evaluation.</summary>
public enum Trend
{
    Steady = 0,
    Worsening = 1,
    Improving = 2,
}
