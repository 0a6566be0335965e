namespace Wearables.Twins.Risk.Findings;

/// <summary>What a finding is about; a patient has at most one finding of each kind at a time.</summary>
public enum FindingKind
{
    News2 = 1,
    RestingHeartRateElevation = 2,
    IrregularRhythm = 3,
    Hypoxemia = 4,
    Fever = 5,
    HypertensiveReading = 6,
    TachycardiaAtRest = 7,
    BradycardiaAtRest = 8,
    SleepDeterioration = 9,
    RisingStress = 10,
}
