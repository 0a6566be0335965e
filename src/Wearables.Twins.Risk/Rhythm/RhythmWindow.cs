namespace Wearables.Twins.Risk.Rhythm;

/// <summary>The verdict on one 2-minute RR window.</summary>
/// <param name="Start">Window start (aligned to 2-minute boundaries since the Unix epoch).</param>
/// <param name="BeatCount">Intervals that fell in the window.</param>
/// <param name="UsedBeats">Intervals left after the quality filters.</param>
/// <param name="Quality">Whether the window was fit to classify.</param>
/// <param name="Irregular">True when the window is of good quality and its COSEn exceeds the threshold.</param>
/// <param name="Features">The features (NaN when the window was not usable).</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.RhythmWindow")]
public sealed record RhythmWindow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] int BeatCount,
    [property: Id(2)] int UsedBeats,
    [property: Id(3)] SignalQuality Quality,
    [property: Id(4)] bool Irregular,
    [property: Id(5)] RhythmFeatures Features);
