namespace Wearables.Twins.Simulator.Realism;

/// <summary>Normally distributed noise from a seeded <see cref="Random"/> (Box–Muller).</summary>
public static class Gaussian
{
    /// <summary>A draw from N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    public static double NextGaussian(this Random random, double mean = 0, double standardDeviation = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite.
        var u2 = random.NextDouble();
        var standard = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return mean + (standardDeviation * standard);
    }

    /// <summary>A uniform draw in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public static double NextDouble(this Random random, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(random);
        return min + (random.NextDouble() * (max - min));
    }
}
