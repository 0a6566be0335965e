namespace Wearables.Twins.Vitals;

/// <summary>An accepted input unit and how to convert its numbers to the vital's canonical UCUM unit.</summary>
public sealed record UnitConversion(string Unit, double Scale = 1, double Offset = 0)
{
    public double ToCanonical(double value) => (value * Scale) + Offset;
}
