namespace Wearables.Twins.Risk.Rhythm;

/// <summary>Tunable parts of the irregular-rhythm screen; defaults are the ones evaluated in docs/risk-evaluation.md.</summary>
public sealed record RhythmAnalyzerOptions
{
    public static readonly RhythmAnalyzerOptions Default = new();

    public TimeSpan WindowLength { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Shortest and longest plausible RR interval (ms): 240–2400 ms is 25–250 beats per minute.</summary>
    public double MinRrMs { get; init; } = 240;

    public double MaxRrMs { get; init; } = 2400;

    /// <summary>Fewest usable intervals for a verdict (50 in 2 minutes is a rate of 25/min).</summary>
    public int MinBeats { get; init; } = 50;

    /// <summary>Least share of the window that the usable intervals must span.</summary>
    public double MinCoverage { get; init; } = 0.6;

    /// <summary>Most implausible intervals tolerated, as a share of all intervals in the window.</summary>
    public double MaxImplausibleShare { get; init; } = 0.2;

    /// <summary>SampEn tolerance r (ms); Lake &amp; Moorman use 30 ms.</summary>
    public double ToleranceMs { get; init; } = 30;

    /// <summary>
    /// COSEn above which a window is irregular. Lake &amp; Moorman 2011 report −1.4; −1.3 is what tuning on the even-indexed
    /// AFDB records selects (checked on the odd ones; an initial exploration on all records pointed the same way), see
    /// docs/risk-evaluation.md.
    /// </summary>
    public double CosenThreshold { get; init; } = -1.3;
}
