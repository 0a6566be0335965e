namespace Wearables.Twins.Risk.News2;

/// <summary>Where a NEWS2 parameter value came from.</summary>
public enum News2Source
{
    Wearable = 0,
    Clinician = 1,
}
