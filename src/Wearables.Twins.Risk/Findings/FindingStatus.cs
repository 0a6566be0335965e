namespace Wearables.Twins.Risk.Findings;

public enum FindingStatus
{
    Open = 0,
    Resolved = 1,
}
