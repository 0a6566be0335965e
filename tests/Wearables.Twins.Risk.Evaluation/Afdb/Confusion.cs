namespace Wearables.Twins.Risk.Evaluation;

/// <summary>Counts of a binary screen against a reference.</summary>
public readonly record struct Confusion(int TruePositive, int FalsePositive, int TrueNegative, int FalseNegative)
{
    public double Sensitivity => Ratio(TruePositive, TruePositive + FalseNegative);

    public double Specificity => Ratio(TrueNegative, TrueNegative + FalsePositive);

    public double Ppv => Ratio(TruePositive, TruePositive + FalsePositive);

    public int Total => TruePositive + FalsePositive + TrueNegative + FalseNegative;

    public Confusion Add(bool actual, bool predicted) => (actual, predicted) switch
    {
        (true, true) => this with { TruePositive = TruePositive + 1 },
        (true, false) => this with { FalseNegative = FalseNegative + 1 },
        (false, true) => this with { FalsePositive = FalsePositive + 1 },
        _ => this with { TrueNegative = TrueNegative + 1 },
    };

    public static Confusion operator +(Confusion a, Confusion b)
        => new(a.TruePositive + b.TruePositive, a.FalsePositive + b.FalsePositive, a.TrueNegative + b.TrueNegative, a.FalseNegative + b.FalseNegative);

    public Confusion Plus(Confusion other) => this + other;

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : numerator / (double)denominator;
}
