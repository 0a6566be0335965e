namespace Wearables.Twins.Risk.News2;

/// <summary>NEWS2 clinical risk bands (RCP 2017, chart 2).</summary>
public enum News2Band
{
    /// <summary>Aggregate 0–4 with no single parameter scoring 3.</summary>
    Low = 0,

    /// <summary>A score of 3 in any single parameter, aggregate ≤ 4.</summary>
    LowMedium = 1,

    /// <summary>Aggregate 5–6.</summary>
    Medium = 2,

    /// <summary>Aggregate 7 or more.</summary>
    High = 3,
}
