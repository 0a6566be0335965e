namespace Wearables.Twins.Risk.Findings;

/// <summary>The words every output of the engine carries: these are screening signals, not diagnoses.</summary>
public static class ScreeningWording
{
    public const string Disclaimer =
        "Screening signal from wearable and entered data, not a diagnosis. A clinician should review it before any decision.";
}
