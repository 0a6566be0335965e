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
        min: 20, max: 300, windowCapacity: 256, loinc: "8867-4");

    public static readonly VitalDefinition RrIntervals = new(
        2, "rr_intervals", "RR intervals", VitalShape.Series, "ms",
        [new("ms"), new("s", Scale: 1000)],
        min: 200, max: 3000, windowCapacity: 32, maxSeriesLength: 256);

    public static readonly VitalDefinition OxygenSaturation = new(
        3, "spo2", "Oxygen saturation (SpO2)", VitalShape.Scalar, "%",
        [new("%")],
        min: 50, max: 100, windowCapacity: 128, loinc: "59408-5");

    public static readonly VitalDefinition RespiratoryRate = new(
        4, "respiratory_rate", "Respiratory rate", VitalShape.Scalar, "/min",
        [PerMinute, new("breaths/min"), new("{breaths}/min"), new("count/min")],
        min: 3, max: 80, windowCapacity: 128, loinc: "9279-1");

    public static readonly VitalDefinition BodyTemperature = new(
        5, "body_temperature", "Body temperature", VitalShape.Scalar, "Cel",
        [new("Cel"), new("°C"), new("C"), new("[degF]", Scale: 5.0 / 9, Offset: -32 * 5.0 / 9), new("°F", Scale: 5.0 / 9, Offset: -32 * 5.0 / 9)],
        min: 30, max: 45, windowCapacity: 64, loinc: "8310-5");

    public static readonly VitalDefinition BloodPressure = new(
        6, "blood_pressure", "Blood pressure", VitalShape.BloodPressure, "mm[Hg]",
        [new("mm[Hg]"), new("mmHg")],
        min: 20, max: 300, windowCapacity: 64, loinc: "85354-9");

    public static readonly VitalDefinition Steps = new(
        7, "steps", "Steps", VitalShape.Quantity, "{steps}",
        [new("{steps}"), new("steps"), new("count")],
        min: 0, max: 100_000, windowCapacity: 96, summary: VitalSummary.SumPerDay, loinc: "55423-8");

    public static readonly VitalDefinition SleepStage = new(
        8, "sleep_stage", "Sleep stage", VitalShape.CategoryInterval, canonicalUnit: null,
        [],
        min: 0, max: 4, windowCapacity: 64, summary: VitalSummary.Session,
        categories: ["awake", "light", "deep", "rem", "in_bed"]);

    public static readonly VitalDefinition StressScore = new(
        9, "stress_score", "Stress score", VitalShape.Scalar, "{score}",
        [new("{score}"), new("score")],
        min: 0, max: 100, windowCapacity: 96);

    /// <summary>Every vital the service accepts, in the order of their ids.</summary>
    public static readonly IReadOnlyList<VitalDefinition> All =
    [
        HeartRate, RrIntervals, OxygenSaturation, RespiratoryRate, BodyTemperature,
        BloodPressure, Steps, SleepStage, StressScore,
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
