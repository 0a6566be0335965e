namespace Wearables.Twins.Risk.Rhythm;

/// <summary>
/// Screens RR intervals for an irregularly irregular rhythm (possible atrial fibrillation), one 2-minute window at a time.
/// Features after Dash et al. 2009 (Ann Biomed Eng 37:1701–1709: RMSSD, turning-point ratio, Shannon entropy) and
/// Lake &amp; Moorman 2011 (Am J Physiol Heart Circ Physiol 300:H319–H325: coefficient of sample entropy, COSEn), which
/// makes the decision. Allocation-free per window apart from the result: the caller passes the scratch buffer.
/// </summary>
public static class RhythmAnalyzer
{
    /// <summary>Judges the intervals of one window.</summary>
    /// <param name="start">Window start, carried into the result.</param>
    /// <param name="rrMs">The window's RR intervals in milliseconds, in order.</param>
    /// <param name="scratch">At least 2 × <paramref name="rrMs"/>.Length doubles.</param>
    /// <param name="options">Thresholds; <see cref="RhythmAnalyzerOptions.Default"/> when null.</param>
    public static RhythmWindow Analyze(DateTimeOffset start, ReadOnlySpan<double> rrMs, Span<double> scratch, RhythmAnalyzerOptions? options = null)
    {
        options ??= RhythmAnalyzerOptions.Default;
        if (scratch.Length < 2 * rrMs.Length)
        {
            throw new ArgumentException("The scratch buffer must hold twice the intervals.", nameof(scratch));
        }

        var plausible = scratch[..rrMs.Length];
        var count = 0;
        foreach (var rr in rrMs)
        {
            if (rr >= options.MinRrMs && rr <= options.MaxRrMs)
            {
                plausible[count++] = rr;
            }
        }

        var implausible = rrMs.Length - count;
        var clean = scratch.Slice(rrMs.Length, rrMs.Length);
        var used = RemoveEctopicPairs(plausible[..count], clean);
        var series = clean[..used];

        var quality = Quality(rrMs.Length, implausible, series, options);
        if (quality != SignalQuality.Good)
        {
            return new RhythmWindow(start, rrMs.Length, used, quality, false, NotComputed);
        }

        // plausible[] is free again: reuse it as sort space.
        var features = Features(series, plausible, options.ToleranceMs);
        var irregular = features.Cosen > options.CosenThreshold;
        return new RhythmWindow(start, rrMs.Length, used, SignalQuality.Good, irregular, features);
    }

    /// <summary>Splits a beat stream into aligned windows and judges each (used by the CLI and the evaluation).</summary>
    /// <param name="origin">Time zero of <paramref name="beatTimes"/>; windows align to multiples of the window length from it.</param>
    /// <param name="beatTimes">End time of each interval (seconds since <paramref name="origin"/>).</param>
    /// <param name="rrMs">The intervals (ms), one per beat time.</param>
    /// <param name="options">Thresholds; <see cref="RhythmAnalyzerOptions.Default"/> when null.</param>
    public static List<RhythmWindow> AnalyzeStream(
        DateTimeOffset origin, ReadOnlySpan<double> beatTimes, ReadOnlySpan<double> rrMs, RhythmAnalyzerOptions? options = null)
    {
        options ??= RhythmAnalyzerOptions.Default;
        var windows = new List<RhythmWindow>();
        var length = options.WindowLength.TotalSeconds;
        var scratch = new double[1024];
        var i = 0;
        while (i < beatTimes.Length)
        {
            var index = Math.Floor(beatTimes[i] / length);
            var j = i;
            while (j < beatTimes.Length && Math.Floor(beatTimes[j] / length) == index)
            {
                j++;
            }

            if (scratch.Length < 2 * (j - i))
            {
                scratch = new double[2 * (j - i)];
            }

            windows.Add(Analyze(origin.AddSeconds(index * length), rrMs[i..j], scratch, options));
            i = j;
        }

        return windows;
    }

    private static readonly RhythmFeatures NotComputed = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    private static SignalQuality Quality(int total, int implausible, ReadOnlySpan<double> series, RhythmAnalyzerOptions options)
    {
        if (total == 0 || series.Length < options.MinBeats)
        {
            return SignalQuality.InsufficientBeats;
        }

        if (implausible > options.MaxImplausibleShare * total)
        {
            return SignalQuality.Noisy;
        }

        var spanned = 0.0;
        foreach (var rr in series)
        {
            spanned += rr;
        }

        return spanned < options.MinCoverage * options.WindowLength.TotalMilliseconds ? SignalQuality.InsufficientBeats : SignalQuality.Good;
    }

    /// <summary>
    /// Drops premature-beat pairs of sinus rhythm: a short interval (&lt; 80% of the local median) followed by a
    /// compensatory long one (&gt; 115%) that together last about two normal beats (1.7–2.3 medians).
    /// </summary>
    private static int RemoveEctopicPairs(ReadOnlySpan<double> rr, Span<double> output)
    {
        Span<double> local = stackalloc double[9];
        var count = 0;
        var i = 0;
        while (i < rr.Length)
        {
            var from = Math.Max(0, i - 4);
            var to = Math.Min(rr.Length, i + 5);
            rr[from..to].CopyTo(local);
            var median = Baselines.RobustStatistics.Median(local[..(to - from)]);
            if (i + 1 < rr.Length && rr[i] < 0.8 * median && rr[i + 1] > 1.15 * median)
            {
                var pair = rr[i] + rr[i + 1];
                if (pair > 1.7 * median && pair < 2.3 * median)
                {
                    i += 2;
                    continue;
                }
            }

            output[count++] = rr[i++];
        }

        return count;
    }

    private static RhythmFeatures Features(ReadOnlySpan<double> rr, Span<double> sortSpace, double toleranceMs)
    {
        var n = rr.Length;
        var sum = 0.0;
        var squares = 0.0;
        var turningPoints = 0;
        for (var i = 0; i < n; i++)
        {
            sum += rr[i];
            if (i > 0)
            {
                var d = rr[i] - rr[i - 1];
                squares += d * d;
            }

            if (i > 0 && i < n - 1 && (rr[i] - rr[i - 1]) * (rr[i] - rr[i + 1]) > 0)
            {
                turningPoints++;
            }
        }

        var mean = sum / n;
        var rmssd = Math.Sqrt(squares / (n - 1));
        var sampleEntropy = SampleEntropy(rr, toleranceMs);
        var cosen = sampleEntropy + Math.Log(2 * toleranceMs) - Math.Log(mean);
        return new RhythmFeatures(mean, rmssd, rmssd / mean, turningPoints / (double)(n - 2), ShannonEntropy(rr, sortSpace), sampleEntropy, cosen);
    }

    private static double ShannonEntropy(ReadOnlySpan<double> rr, Span<double> sortSpace)
    {
        const int Bins = 16;
        const int Trim = 8;
        var sorted = sortSpace[..rr.Length];
        rr.CopyTo(sorted);
        sorted.Sort();
        var kept = sorted.Length > 4 * Trim ? sorted[Trim..^Trim] : sorted;
        var low = kept[0];
        var width = (kept[^1] - low) / Bins;
        Span<int> histogram = stackalloc int[Bins];
        foreach (var value in kept)
        {
            var bin = width > 0 ? Math.Min(Bins - 1, (int)((value - low) / width)) : 0;
            histogram[bin]++;
        }

        var entropy = 0.0;
        foreach (var c in histogram)
        {
            if (c > 0)
            {
                var p = c / (double)kept.Length;
                entropy -= p * Math.Log(p);
            }
        }

        return entropy / Math.Log(Bins);
    }

    /// <summary>SampEn with m = 1: −ln(A/B), A and B the matching pairs of length 2 and 1 (self-matches excluded).</summary>
    private static double SampleEntropy(ReadOnlySpan<double> rr, double tolerance)
    {
        long a = 0, b = 0;
        var last = rr.Length - 1;
        for (var i = 0; i < last; i++)
        {
            var x = rr[i];
            var next = rr[i + 1];
            for (var j = i + 1; j < last; j++)
            {
                if (Math.Abs(x - rr[j]) <= tolerance)
                {
                    b++;
                    if (Math.Abs(next - rr[j + 1]) <= tolerance)
                    {
                        a++;
                    }
                }
            }
        }

        // No length-2 match: bound the entropy as if one had been found (the series is at least that irregular).
        return b == 0 ? double.NaN : -Math.Log(Math.Max(a, 1) / (double)b);
    }
}
