namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// Order statistics of one stage's latencies in milliseconds. Percentiles by nearest rank (the smallest value with at
/// least p % of the values at or below it), so every figure is a measured value; with 40 samples p99 is the maximum.
/// </summary>
internal sealed record LatencyStats(int Count, double Min, double P50, double P90, double P99, double Max)
{
    public static LatencyStats Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, sorted[0], Rank(50), Rank(90), Rank(99), sorted[^1]);
    }
}
