using System.Collections.Frozen;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple;

/// <summary>How a record of one HealthKit type becomes a sample; decides which reader path it takes.</summary>
internal enum AppleRecordKind
{
    /// <summary>A number with a unit: instant for scalar vitals, startDate..endDate for quantities.</summary>
    Quantity,

    /// <summary>Heart rate: a quantity whose motion-context metadata becomes the sample's context.</summary>
    HeartRate,

    /// <summary>HRV SDNN: a quantity plus its beat-by-beat list, which becomes rr_intervals samples.</summary>
    HeartRateVariability,

    /// <summary>A quantity that must be a deviation from baseline, not an absolute temperature.</summary>
    WristTemperature,

    /// <summary>One half of a blood pressure; only a correlation holds a whole reading.</summary>
    BloodPressureHalf,

    /// <summary>A HealthKit category value looked up in <see cref="AppleRecordType.Categories"/>.</summary>
    Category,

    /// <summary>Menstrual flow: a category whose cycle-start metadata adds a menstrual_cycle_start sample.</summary>
    MenstrualFlow,

    /// <summary>A cycle symptom: the type names the category, the value only says whether it was present.</summary>
    Symptom,
}

/// <summary>An Apple unit and how it reaches a unit the catalogue accepts.</summary>
/// <param name="Wire">The unit written into the sample.</param>
/// <param name="Scale">Factor applied to the value first, for Apple units the catalogue does not list.</param>
internal readonly record struct AppleUnit(string Wire, double Scale = 1);

/// <summary>The catalogue vital a HealthKit type maps to and what the reader needs to build it.</summary>
internal sealed record AppleRecordType(
    VitalDefinition Vital,
    AppleRecordKind Kind,
    FrozenDictionary<string, AppleUnit>? Units = null,
    FrozenDictionary<string, string>? Categories = null,
    string? Symptom = null);

/// <summary>
/// The one mapping table: HealthKit identifiers to catalogue vitals, Apple units to catalogue units, HealthKit
/// category values to catalogue categories. Apple units are matched case-sensitively on purpose: "Cal" is a
/// kilocalorie and "cal" a calorie, and the catalogue's case-insensitive lookup would confuse them.
/// Category values are matched by name and by their raw HealthKit number (older exports wrote numbers).
/// </summary>
internal static class AppleTypeMap
{
    public const string BloodPressureCorrelation = "HKCorrelationTypeIdentifierBloodPressure";
    public const string Systolic = "HKQuantityTypeIdentifierBloodPressureSystolic";
    public const string Diastolic = "HKQuantityTypeIdentifierBloodPressureDiastolic";
    public const string HeartRateMotionContextKey = "HKMetadataKeyHeartRateMotionContext";
    public const string MenstrualCycleStartKey = "HKMenstrualCycleStart";

    private const string Quantity = "HKQuantityTypeIdentifier";
    private const string Category = "HKCategoryTypeIdentifier";

    private static readonly FrozenDictionary<string, AppleUnit> PerMinute = Units(
        ("count/min", new("/min")), ("count/s", new("/min", 60)));

    private static readonly FrozenDictionary<string, AppleUnit> Milliseconds = Units(
        ("ms", new("ms")), ("s", new("s")));

    /// <summary>HealthKit's "%" is a fraction (0.97 is 97 %), which is the catalogue's unit "1".</summary>
    private static readonly FrozenDictionary<string, AppleUnit> Fraction = Units(("%", new("1")));

    private static readonly FrozenDictionary<string, AppleUnit> Temperature = Units(
        ("degC", new("Cel")), ("degF", new("[degF]")));

    private static readonly FrozenDictionary<string, AppleUnit> Count = Units(("count", new("{steps}")));

    private static readonly FrozenDictionary<string, AppleUnit> Length = Units(
        ("m", new("m")), ("km", new("km")), ("mi", new("[mi_i]")), ("ft", new("[ft_i]")),
        ("cm", new("m", 0.01)), ("yd", new("m", 0.9144)));

    private static readonly FrozenDictionary<string, AppleUnit> Energy = Units(
        ("kcal", new("kcal")), ("Cal", new("kcal")), ("kJ", new("kJ")), ("cal", new("kcal", 0.001)));

    private static readonly FrozenDictionary<string, AppleUnit> Mass = Units(
        ("kg", new("kg")), ("g", new("g")), ("lb", new("[lb_av]")), ("st", new("kg", 6.35029318)));

    /// <summary>Units of the two halves inside a blood-pressure correlation.</summary>
    public static readonly FrozenDictionary<string, AppleUnit> Pressure = Units(
        ("mmHg", new("mm[Hg]")), ("kPa", new("kPa")));

    private static readonly FrozenDictionary<string, string> SleepStages = Values(
        ("HKCategoryValueSleepAnalysisInBed", "0", "in_bed"),
        ("HKCategoryValueSleepAnalysisAsleepUnspecified", "1", "asleep"),
        ("HKCategoryValueSleepAnalysisAsleep", null, "asleep"),
        ("HKCategoryValueSleepAnalysisAwake", "2", "awake"),
        ("HKCategoryValueSleepAnalysisAsleepCore", "3", "light"),
        ("HKCategoryValueSleepAnalysisAsleepDeep", "4", "deep"),
        ("HKCategoryValueSleepAnalysisAsleepREM", "5", "rem"));

    private static readonly FrozenDictionary<string, string> MenstrualFlows = Values(
        ("HKCategoryValueMenstrualFlowUnspecified", "1", "unspecified"),
        ("HKCategoryValueMenstrualFlowLight", "2", "light"),
        ("HKCategoryValueMenstrualFlowMedium", "3", "medium"),
        ("HKCategoryValueMenstrualFlowHeavy", "4", "heavy"),
        ("HKCategoryValueMenstrualFlowNone", "5", "none"));

    // "Positive" is HealthKit's old name for raw value 2, renamed LuteinizingHormoneSurge in iOS 15; the catalogue keeps both.
    private static readonly FrozenDictionary<string, string> OvulationResults = Values(
        ("HKCategoryValueOvulationTestResultNegative", "1", "negative"),
        ("HKCategoryValueOvulationTestResultLuteinizingHormoneSurge", "2", "luteinizing_hormone_surge"),
        ("HKCategoryValueOvulationTestResultPositive", null, "positive"),
        ("HKCategoryValueOvulationTestResultIndeterminate", "3", "indeterminate"),
        ("HKCategoryValueOvulationTestResultEstrogenSurge", "4", "estrogen_surge"));

    /// <summary>Cycle Tracking's symptoms: HealthKit type suffix → catalogue category of menstrual_symptom.</summary>
    private static readonly (string Suffix, string Category)[] Symptoms =
    [
        ("AbdominalCramps", "abdominal_cramps"), ("Acne", "acne"), ("AppetiteChanges", "appetite_changes"),
        ("BladderIncontinence", "bladder_incontinence"), ("Bloating", "bloating"), ("BreastPain", "breast_pain"),
        ("Chills", "chills"), ("Constipation", "constipation"), ("Diarrhea", "diarrhea"), ("Dizziness", "dizziness"),
        ("Fatigue", "fatigue"), ("Headache", "headache"), ("HotFlashes", "hot_flashes"),
        ("LowerBackPain", "lower_back_pain"), ("MoodChanges", "mood_changes"), ("Nausea", "nausea"),
        ("NightSweats", "night_sweats"), ("PelvicPain", "pelvic_pain"), ("SleepChanges", "sleep_changes"),
        ("VaginalDryness", "vaginal_dryness"),
    ];

    private static readonly FrozenDictionary<string, AppleRecordType> Types = BuildTypes();

    public static bool TryGet(string? type, out AppleRecordType mapped)
        => Types.TryGetValue(type ?? string.Empty, out mapped!);

    /// <summary>
    /// Whether a symptom value says the symptom was absent. Severity, presence and appetite values all use raw
    /// value 1 for "not present" / "no change".
    /// </summary>
    public static bool IsAbsentSymptom(string? value)
        => value is null
            || value == "1"
            || value.EndsWith("NotPresent", StringComparison.Ordinal)
            || value.EndsWith("NoChange", StringComparison.Ordinal);

    /// <summary>
    /// Maps the ECG app's classification sentence ("Sinus Rhythm", "Heart Rate Over 120", "Poor Recording"…) to a
    /// catalogue ecg category. The thresholds in "Over 120" / "Over 150" changed with app versions, so the words
    /// decide, not the numbers; anything unknown (or a localised sentence) is "unrecognized".
    /// </summary>
    public static string EcgCategory(string? classification)
    {
        var text = classification?.Trim().ToUpperInvariant() ?? string.Empty;
        return text switch
        {
            "" => "unrecognized",
            _ when text.Contains("ATRIAL FIBRILLATION", StringComparison.Ordinal) => "atrial_fibrillation",
            _ when text.Contains("SINUS RHYTHM", StringComparison.Ordinal) => "sinus_rhythm",
            _ when text.Contains("OVER", StringComparison.Ordinal) || text.Contains("HIGH", StringComparison.Ordinal) => "inconclusive_high_heart_rate",
            _ when text.Contains("UNDER", StringComparison.Ordinal) || text.Contains("LOW", StringComparison.Ordinal) => "inconclusive_low_heart_rate",
            _ when text.Contains("POOR", StringComparison.Ordinal) => "inconclusive_poor_reading",
            _ when text.Contains("INCONCLUSIVE", StringComparison.Ordinal) => "inconclusive_other",
            _ => "unrecognized",
        };
    }

    /// <summary>The ECG CSV's voltage unit as the catalogue spells it; µ comes as MICRO SIGN or GREEK MU.</summary>
    public static string? EcgUnit(string unit) => unit.Trim() switch
    {
        "\u00B5V" or "\u03BCV" or "uV" => "uV",
        "mV" => "mV",
        _ => null,
    };

    private static FrozenDictionary<string, AppleRecordType> BuildTypes()
    {
        var types = new Dictionary<string, AppleRecordType>(StringComparer.Ordinal)
        {
            [Quantity + "HeartRate"] = new(VitalCatalog.HeartRate, AppleRecordKind.HeartRate, PerMinute),
            [Quantity + "RestingHeartRate"] = new(VitalCatalog.RestingHeartRate, AppleRecordKind.Quantity, PerMinute),
            [Quantity + "HeartRateVariabilitySDNN"] = new(VitalCatalog.HrvSdnn, AppleRecordKind.HeartRateVariability, Milliseconds),
            [Quantity + "OxygenSaturation"] = new(VitalCatalog.OxygenSaturation, AppleRecordKind.Quantity, Fraction),
            [Quantity + "RespiratoryRate"] = new(VitalCatalog.RespiratoryRate, AppleRecordKind.Quantity, PerMinute),
            [Quantity + "BodyTemperature"] = new(VitalCatalog.BodyTemperature, AppleRecordKind.Quantity, Temperature),
            [Quantity + "AppleSleepingWristTemperature"] = new(
                VitalCatalog.WristTemperatureDeviation, AppleRecordKind.WristTemperature, Temperature),
            [Systolic] = new(VitalCatalog.BloodPressure, AppleRecordKind.BloodPressureHalf),
            [Diastolic] = new(VitalCatalog.BloodPressure, AppleRecordKind.BloodPressureHalf),
            [Quantity + "StepCount"] = new(VitalCatalog.Steps, AppleRecordKind.Quantity, Count),
            [Quantity + "DistanceWalkingRunning"] = new(VitalCatalog.Distance, AppleRecordKind.Quantity, Length),
            [Quantity + "ActiveEnergyBurned"] = new(VitalCatalog.ActiveEnergy, AppleRecordKind.Quantity, Energy),
            [Quantity + "BodyMass"] = new(VitalCatalog.BodyWeight, AppleRecordKind.Quantity, Mass),
            [Category + "SleepAnalysis"] = new(VitalCatalog.SleepStage, AppleRecordKind.Category, Categories: SleepStages),
            [Category + "MenstrualFlow"] = new(VitalCatalog.MenstrualFlow, AppleRecordKind.MenstrualFlow, Categories: MenstrualFlows),
            [Category + "OvulationTestResult"] = new(VitalCatalog.OvulationTest, AppleRecordKind.Category, Categories: OvulationResults),
        };

        foreach (var (suffix, category) in Symptoms)
        {
            types[Category + suffix] = new(VitalCatalog.MenstrualSymptom, AppleRecordKind.Symptom, Symptom: category);
        }

        return types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, AppleUnit> Units(params (string Apple, AppleUnit Unit)[] units)
        => units.ToFrozenDictionary(u => u.Apple, u => u.Unit, StringComparer.Ordinal);

    private static FrozenDictionary<string, string> Values(params (string Name, string? Raw, string Category)[] values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw, category) in values)
        {
            map[name] = category;
            if (raw is not null)
            {
                map[raw] = category;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
