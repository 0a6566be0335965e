namespace Wearables.Twins.Risk.Baselines;

/// <summary>
/// A robust baseline: the median of daily values and the MAD scaled by 1.4826 (consistent with the standard deviation
/// for normal data), floored so a very steady history does not make every small change look extreme.
/// </summary>
public readonly record struct BaselineEstimate(double Median, double Scale, int Days)
{
    public bool IsAvailable => Days > 0;

    /// <summary>Robust z-score of <paramref name="value"/>: (x − median) / (1.4826 · MAD).</summary>
    public double Deviation(double value) => IsAvailable ? (value - Median) / Scale : double.NaN;
}
