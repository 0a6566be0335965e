using System.Collections.Frozen;

namespace Wearables.Twins.Vitals;

/// <summary>
/// The one place where vitals are defined. Adding a vital is adding one entry to <see cref="All"/>;
/// decoding, validation, twin windows and the API all read from here.
/// </summary>
public static class VitalCatalog
{
    private static readonly UnitConversion PerMinute = new("/min");

    public static readonly VitalDefinition HeartRate = new(
        1, "heart_rate", "Heart rate", VitalShape.Scalar, "/min",
        [PerMinute, new("bpm"), new("beats/min"), new("count/min"), new("{beats}/min")],
        min: 20, max: 300, windowCapacity: 256, loinc: "8867-4",
        qualifiers: ["unknown", "resting", "active"]);

    public static readonly VitalDefinition RrIntervals = new(
        2, "rr_intervals", "RR intervals", VitalShape.Series, "ms",
        [new("ms"), new("s", Scale: 1000)],
        min: 200, max: 3000, windowCapacity: 32, maxSeriesLength: 256);

    public static readonly VitalDefinition OxygenSaturation = new(
        3, "spo2", "Oxygen saturation (SpO2)", VitalShape.Scalar, "%",
        [new("%"), new("1", Scale: 100)],
        min: 50, max: 100, windowCapacity: 128, loinc: "59408-5",
        sourceOrder: SourceOrders.Led(SourceKind.PulseOximeter));

    public static readonly VitalDefinition RespiratoryRate = new(
        4, "respiratory_rate", "Respiratory rate", VitalShape.Scalar, "/min",
        [PerMinute, new("breaths/min"), new("{breaths}/min"), new("count/min")],
        min: 3, max: 80, windowCapacity: 128, loinc: "9279-1");

    public static readonly VitalDefinition BodyTemperature = new(
        5, "body_temperature", "Body temperature", VitalShape.Scalar, "Cel",
        [new("Cel"), new("°C"), new("C"), new("[degF]", Scale: 5.0 / 9, Offset: -32 * 5.0 / 9), new("°F", Scale: 5.0 / 9, Offset: -32 * 5.0 / 9)],
        min: 30, max: 45, windowCapacity: 64, loinc: "8310-5",
        sourceOrder: SourceOrders.Led(SourceKind.Thermometer));

    public static readonly VitalDefinition BloodPressure = new(
        6, "blood_pressure", "Blood pressure", VitalShape.BloodPressure, "mm[Hg]",
        [new("mm[Hg]"), new("mmHg"), new("kPa", Scale: 7.500617)],
        min: 20, max: 300, windowCapacity: 64, loinc: "85354-9",
        sourceOrder: SourceOrders.Led(SourceKind.BloodPressureMonitor));

    public static readonly VitalDefinition Steps = new(
        7, "steps", "Steps", VitalShape.Quantity, "{steps}",
        [new("{steps}"), new("steps"), new("count")],
        min: 0, max: 100_000, windowCapacity: 96, summary: VitalSummary.SumPerDay, loinc: "55423-8",
        sourceOrder: SourceOrders.Activity);

    public static readonly VitalDefinition SleepStage = new(
        8, "sleep_stage", "Sleep stage", VitalShape.CategoryInterval, canonicalUnit: null,
        [],
        min: 0, max: 5, windowCapacity: 64, summary: VitalSummary.Session,
        categories: ["awake", "light", "deep", "rem", "in_bed", "asleep"],
        sourceOrder: SourceOrders.Sleep);

    public static readonly VitalDefinition StressScore = new(
        9, "stress_score", "Stress score", VitalShape.Scalar, "{score}",
        [new("{score}"), new("score")],
        min: 0, max: 100, windowCapacity: 96);

    public static readonly VitalDefinition RestingHeartRate = new(
        10, "resting_heart_rate", "Resting heart rate", VitalShape.Scalar, "/min",
        [PerMinute, new("bpm"), new("beats/min"), new("count/min"), new("{beats}/min")],
        min: 20, max: 200, windowCapacity: 64, loinc: "40443-4");

    public static readonly VitalDefinition HrvSdnn = new(
        11, "hrv_sdnn", "Heart rate variability (SDNN)", VitalShape.Scalar, "ms",
        [new("ms"), new("s", Scale: 1000)],
        min: 1, max: 500, windowCapacity: 64, loinc: "80404-7");

    public static readonly VitalDefinition HrvRmssd = new(
        12, "hrv_rmssd", "Heart rate variability (RMSSD)", VitalShape.Scalar, "ms",
        [new("ms"), new("s", Scale: 1000)],
        min: 1, max: 500, windowCapacity: 64);

    /// <summary>A difference from the wearer's baseline, so Fahrenheit converts by scale only.</summary>
    public static readonly VitalDefinition WristTemperatureDeviation = new(
        13, "wrist_temperature_deviation", "Wrist temperature deviation", VitalShape.Scalar, "Cel",
        [new("Cel"), new("°C"), new("C"), new("K"), new("[degF]", Scale: 5.0 / 9), new("°F", Scale: 5.0 / 9)],
        min: -5, max: 5, windowCapacity: 64);

    public static readonly VitalDefinition Distance = new(
        14, "distance", "Distance walked or run", VitalShape.Quantity, "m",
        [new("m"), new("km", Scale: 1000), new("[mi_i]", Scale: 1609.344), new("mi", Scale: 1609.344), new("[ft_i]", Scale: 0.3048), new("ft", Scale: 0.3048)],
        min: 0, max: 200_000, windowCapacity: 96, summary: VitalSummary.SumPerDay,
        sourceOrder: SourceOrders.Activity);

    public static readonly VitalDefinition ActiveEnergy = new(
        15, "active_energy", "Active energy burned", VitalShape.Quantity, "kcal",
        [new("kcal"), new("Cal"), new("kJ", Scale: 0.239005736)],
        min: 0, max: 20_000, windowCapacity: 96, summary: VitalSummary.SumPerDay, loinc: "41981-2",
        sourceOrder: SourceOrders.Activity);

    public static readonly VitalDefinition BodyWeight = new(
        16, "body_weight", "Body weight", VitalShape.Scalar, "kg",
        [new("kg"), new("g", Scale: 0.001), new("[lb_av]", Scale: 0.45359237), new("lb", Scale: 0.45359237)],
        min: 1, max: 500, windowCapacity: 32, loinc: "29463-7",
        sourceOrder: SourceOrders.Led(SourceKind.Scale));

    /// <summary>
    /// A single-lead ECG: classification, average heart rate and the voltage samples (µV). Its window is tiny
    /// because one recording can carry 16k samples.
    /// </summary>
    public static readonly VitalDefinition Ecg = new(
        17, "ecg", "ECG recording", VitalShape.Recording, "uV",
        [new("uV"), new("µV"), new("mV", Scale: 1000), new("V", Scale: 1_000_000)],
        min: -50_000, max: 50_000, windowCapacity: 2, summary: VitalSummary.Latest,
        categories:
        [
            "unrecognized", "sinus_rhythm", "atrial_fibrillation", "inconclusive_low_heart_rate",
            "inconclusive_high_heart_rate", "inconclusive_poor_reading", "inconclusive_other",
        ],
        maxSeriesLength: 16_384, loinc: "11524-6");

    public static readonly VitalDefinition MenstrualFlow = new(
        18, "menstrual_flow", "Menstrual flow", VitalShape.Category, canonicalUnit: null,
        [],
        min: 0, max: 4, windowCapacity: 64,
        categories: ["unspecified", "none", "light", "medium", "heavy"]);

    public static readonly VitalDefinition MenstrualCycleStart = new(
        19, "menstrual_cycle_start", "Menstrual cycle start", VitalShape.Category, canonicalUnit: null,
        [],
        min: 0, max: 0, windowCapacity: 16,
        categories: ["start"]);

    public static readonly VitalDefinition OvulationTest = new(
        20, "ovulation_test", "Ovulation test result", VitalShape.Category, canonicalUnit: null,
        [],
        min: 0, max: 4, windowCapacity: 32,
        categories: ["negative", "positive", "luteinizing_hormone_surge", "estrogen_surge", "indeterminate"]);

    public static readonly VitalDefinition MenstrualSymptom = new(
        21, "menstrual_symptom", "Cycle-related symptom", VitalShape.Category, canonicalUnit: null,
        [],
        min: 0, max: 20, windowCapacity: 64,
        categories:
        [
            "other", "abdominal_cramps", "acne", "appetite_changes", "bladder_incontinence", "bloating",
            "breast_pain", "chills", "constipation", "diarrhea", "dizziness", "fatigue", "headache", "hot_flashes",
            "lower_back_pain", "mood_changes", "nausea", "night_sweats", "pelvic_pain", "sleep_changes", "vaginal_dryness",
        ]);

    /// <summary>Every vital the service accepts, in the order of their ids.</summary>
    public static readonly IReadOnlyList<VitalDefinition> All =
    [
        HeartRate, RrIntervals, OxygenSaturation, RespiratoryRate, BodyTemperature,
        BloodPressure, Steps, SleepStage, StressScore, RestingHeartRate, HrvSdnn, HrvRmssd,
        WristTemperatureDeviation, Distance, ActiveEnergy, BodyWeight, Ecg,
        MenstrualFlow, MenstrualCycleStart, OvulationTest, MenstrualSymptom,
    ];

    private static readonly VitalDefinition?[] ById = BuildIndex();

    private static readonly FrozenDictionary<string, VitalDefinition> ByCode =
        All.ToFrozenDictionary(v => v.Code, StringComparer.Ordinal);

    /// <summary>Finds a vital by its wire code (<c>heart_rate</c>); codes are case-sensitive.</summary>
    public static bool TryGet(string code, out VitalDefinition definition)
        => ByCode.TryGetValue(code, out definition!);

    public static VitalDefinition Get(VitalType type)
        => type.Id < ById.Length && ById[type.Id] is { } definition
            ? definition
            : throw new KeyNotFoundException($"Vital type {type.Id} is not in the catalogue.");

    private static VitalDefinition?[] BuildIndex()
    {
        var index = new VitalDefinition?[All.Max(v => v.Type.Id) + 1];
        foreach (var vital in All)
        {
            if (index[vital.Type.Id] is not null)
            {
                throw new InvalidOperationException($"Vital id {vital.Type.Id} is used twice.");
            }

            index[vital.Type.Id] = vital;
        }

        return index;
    }
}
