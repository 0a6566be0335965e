namespace Wearables.Twins.Risk.Rhythm;

/// <summary>
/// Irregularity features of one RR window, computed after removing implausible intervals and ectopic pairs.
/// </summary>
/// <param name="MeanRrMs">Mean RR interval (ms).</param>
/// <param name="Rmssd">Root mean square of successive differences (ms).</param>
/// <param name="NormalizedRmssd">RMSSD / mean RR (Dash et al. 2009).</param>
/// <param name="TurningPointRatio">Share of beats that are local extrema; ≈ 2/3 for a random series (Dash et al. 2009).</param>
/// <param name="ShannonEntropy">Entropy of the 16-bin RR histogram after trimming the 8 longest and shortest, normalised to 0–1 (Dash et al. 2009).</param>
/// <param name="SampleEntropy">SampEn(m = 1, r = 30 ms) (Richman &amp; Moorman 2000).</param>
/// <param name="Cosen">Coefficient of sample entropy: SampEn + ln(2r) − ln(mean RR) (Lake &amp; Moorman 2011).</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.RhythmFeatures")]
public readonly record struct RhythmFeatures(
    [property: Id(0)] double MeanRrMs,
    [property: Id(1)] double Rmssd,
    [property: Id(2)] double NormalizedRmssd,
    [property: Id(3)] double TurningPointRatio,
    [property: Id(4)] double ShannonEntropy,
    [property: Id(5)] double SampleEntropy,
    [property: Id(6)] double Cosen);
