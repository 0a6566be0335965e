using Wearables.Twins.Risk.Rhythm;

namespace Wearables.Twins.Risk.Evaluation.Afdb;

/// <summary>A judged window with its reference label: AF (AFIB), not AF (N, J), or excluded (AFL, mixed).</summary>
public sealed record LabelledWindow(string Record, RhythmWindow Window, string MajorityRhythm, double MajorityShare)
{
    /// <summary>Windows with ≥ 90% of their time in one rhythm are scored; mixed ones are reported apart.</summary>
    public bool IsPure => MajorityShare >= 0.9;

    public bool IsAf => MajorityRhythm == "AFIB";

    public bool IsScored => IsPure && MajorityRhythm is "AFIB" or "N" or "J";
}
