namespace Wearables.Twins.Import.Apple;

/// <summary>
/// Reasons particular to Apple exports, next to the shared <see cref="ImportReasons"/>. Stable snake_case codes;
/// where the service's validation has the same notion its code is reused.
/// </summary>
public static class AppleImportReasons
{
    /// <summary>
    /// A systolic or diastolic record outside a blood-pressure correlation. Apple lists every correlation member a
    /// second time at the top level; the reading is imported once, from the correlation.
    /// </summary>
    public const string BloodPressureHalf = "blood_pressure_half";

    /// <summary>A cycle symptom recorded as not present (or appetite as unchanged): nothing to import.</summary>
    public const string SymptomNotPresent = "symptom_not_present";

    /// <summary>An ECG with more voltages than one ecg sample may carry (the service's code for the same thing).</summary>
    public const string SeriesTooLong = "series_too_long";

    /// <summary>An HRV beat whose rate gives an impossible RR interval (the service's code for the same thing).</summary>
    public const string ImplausibleValue = "implausible_value";
}
