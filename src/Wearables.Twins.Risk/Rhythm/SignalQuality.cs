namespace Wearables.Twins.Risk.Rhythm;

/// <summary>Whether a 2-minute RR window is fit to be judged; only <see cref="Good"/> windows are classified.</summary>
public enum SignalQuality
{
    Good = 0,

    /// <summary>Fewer usable beats than the minimum, or too little of the window covered by beats.</summary>
    InsufficientBeats = 1,

    /// <summary>Too many implausible intervals (artefacts, missed or doubled beats).</summary>
    Noisy = 2,
}
