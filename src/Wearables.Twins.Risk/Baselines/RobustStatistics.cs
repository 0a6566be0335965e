namespace Wearables.Twins.Risk.Baselines;

/// <summary>Median and MAD on caller-owned spans (they are sorted in place): no allocation on the hot path.</summary>
public static class RobustStatistics
{
    public const double MadToSigma = 1.4826;

    /// <summary>Median of <paramref name="values"/>; sorts the span.</summary>
    public static double Median(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>Median absolute deviation from <paramref name="median"/>; overwrites the span.</summary>
    public static double MedianAbsoluteDeviation(Span<double> values, double median)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Abs(values[i] - median);
        }

        return Median(values);
    }

    /// <summary>Median and floored robust scale of the values; sorts and overwrites the span.</summary>
    public static BaselineEstimate Estimate(Span<double> values, double minimumScale)
    {
        if (values.IsEmpty)
        {
            return default;
        }

        var median = Median(values);
        var mad = MedianAbsoluteDeviation(values, median);
        return new BaselineEstimate(median, Math.Max(mad * MadToSigma, minimumScale), values.Length);
    }

    /// <summary>Theil–Sen slope (median of pairwise slopes) of y over x; robust to a single outlying day.</summary>
    public static double TheilSenSlope(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> scratch)
    {
        var count = 0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = i + 1; j < x.Length; j++)
            {
                if (x[j] != x[i] && count < scratch.Length)
                {
                    scratch[count++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        }

        return count == 0 ? double.NaN : Median(scratch[..count]);
    }
}
