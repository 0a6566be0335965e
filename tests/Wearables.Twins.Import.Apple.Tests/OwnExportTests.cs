using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple.Tests;

/// <summary>Fixtures/own_export.xml: every mapped type, bad records among good ones, the non-vitals.</summary>
public sealed class OwnExportTests
{
    private static Task<List<ImportRecord>> ReadAsync() => Fixtures.ReadAsync("own_export.xml");

    [Fact]
    public async Task Every_record_gives_a_sample_or_a_reason_in_file_order()
    {
        var records = await ReadAsync();

        string[] expected =
        [
            "heart_rate", "heart_rate", "heart_rate", "!unreadable_record", "!unreadable_record",
            "spo2", "respiratory_rate", "!unreadable_record", "body_temperature", "body_temperature",
            "!unsupported_record_type", "wrist_temperature_deviation", "!blood_pressure_half", "!blood_pressure_half",
            "steps", "distance", "active_energy", "body_weight", "!unsupported_unit",
            "sleep_stage", "sleep_stage", "sleep_stage", "sleep_stage", "sleep_stage", "sleep_stage", "sleep_stage",
            "!unreadable_record", "menstrual_flow", "menstrual_cycle_start", "menstrual_flow", "ovulation_test",
            "menstrual_symptom", "!symptom_not_present", "menstrual_symptom", "!symptom_not_present",
            "!unsupported_record_type", "!unsupported_record_type",
            "hrv_sdnn", "!implausible_value", "rr_intervals",
            "blood_pressure", "!unreadable_record", "!unsupported_record_type", "!unsupported_record_type",
            "!unsupported_record_type", "resting_heart_rate",
        ];
        Assert.Equal(expected, records.Select(r => r.Sample?.Type ?? "!" + r.Reason));
        Assert.Equal(29, records.Samples().Count);
        Assert.Equal(17, records.Rejections().Count);
        Assert.All(records.Rejections(), r => Assert.StartsWith("Line ", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_sample_is_accepted_by_the_service_validation()
    {
        Service.AcceptAll(await ReadAsync());
    }

    [Fact]
    public async Task Bad_records_are_rejected_with_line_type_and_cause()
    {
        var details = (await ReadAsync()).Rejections().Select(r => r.Detail).ToList();

        Assert.Contains("Line 24: HKQuantityTypeIdentifierHeartRate startDate 'yesterday' is not a date like 2019-07-18 21:16:39 +0200.", details);
        Assert.Contains("Line 25: HKQuantityTypeIdentifierHeartRate value 'fast' is not a number.", details);
        Assert.Contains("Line 28: HKQuantityTypeIdentifierRespiratoryRate has no value.", details);
        Assert.Contains(details, d => d!.StartsWith("Line 39: HKQuantityTypeIdentifierBodyMass unit 'oz' is not one the importer maps to body_weight", StringComparison.Ordinal));
        Assert.Contains("Line 47: HKCategoryTypeIdentifierSleepAnalysis value 'HKCategoryValueSleepAnalysisNapping' is not one the importer knows for this type.", details);
        Assert.Contains(details, d => d!.StartsWith("Line 77: HKCorrelationTypeIdentifierBloodPressure needs a systolic and a diastolic number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heart_rate_keeps_motion_context_decimal_comma_and_normalised_source()
    {
        var records = await ReadAsync();
        var heartRates = records.Where(r => r.Sample?.Type == "heart_rate").ToList();

        Assert.Equal(["resting", "active", null], heartRates.Select(r => r.Sample!.Context));
        Assert.Equal([58.0, 121.0, 72.5], heartRates.Select(r => r.Sample!.Value!.Value));
        Assert.Equal(["Apple Watch de Zoé", "Apple Watch de Zoé", "Polar H10"], heartRates.Select(r => r.Source));
        Assert.Equal("2024-03-01T08:00:00-05:00", heartRates[0].Sample!.Time);
        Assert.Equal([(byte)1, (byte)2, (byte)0], heartRates.Select(r => Service.Accept(r.Sample!).Qualifier));
    }

    [Fact]
    public async Task Units_reach_the_catalogue_and_convert_there()
    {
        var records = await ReadAsync();

        var spo2 = Assert.Single(records.OfType("spo2"));
        Assert.Equal((0.97, "1"), (spo2.Value, spo2.Unit));
        Assert.Equal(97, Service.Accept(spo2).Value, 6);

        var temperatures = records.OfType("body_temperature");
        Assert.Equal(("[degF]", 98.6), (temperatures[0].Unit, temperatures[0].Value!.Value));
        Assert.Equal(37.0, Service.Accept(temperatures[0]).Value, 6);
        Assert.Equal(("Cel", 36.6, "2024-03-02T07:05:00+01:00"), (temperatures[1].Unit, temperatures[1].Value!.Value, temperatures[1].Time));

        Assert.Equal(804.672, Service.Accept(Assert.Single(records.OfType("distance"))).Value, 3);
        Assert.Equal(9.990, Service.Accept(Assert.Single(records.OfType("active_energy"))).Value, 3);
        Assert.Equal(69.989, Service.Accept(Assert.Single(records.OfType("body_weight"))).Value, 3);
        Assert.Equal(14.5, Assert.Single(records.OfType("respiratory_rate")).Value);
        Assert.Equal(54, Assert.Single(records.OfType("resting_heart_rate")).Value);

        var steps = Assert.Single(records.OfType("steps"));
        Assert.Equal(("2024-03-02T10:00:00-05:00", "2024-03-02T10:01:00-05:00", 96.0), (steps.Time, steps.End, steps.Value!.Value));
    }

    [Fact]
    public async Task Wrist_temperature_is_imported_only_as_a_deviation()
    {
        var records = await ReadAsync();

        var deviation = Assert.Single(records.OfType("wrist_temperature_deviation"));
        Assert.Equal((-0.31, "Cel", "2024-03-03T00:10:00-05:00"), (deviation.Value!.Value, deviation.Unit, deviation.Time));
        var absolute = Assert.Single(records, r => r.Detail?.StartsWith("Line 31:", StringComparison.Ordinal) == true);
        Assert.Equal(ImportReasons.UnsupportedRecordType, absolute.Reason);
        Assert.Contains("absolute wrist temperature", absolute.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(records.OfType("body_temperature"), t => t.Value is 35.42);
    }

    [Fact]
    public async Task Blood_pressure_comes_once_from_its_correlation_and_the_halves_are_explained()
    {
        var records = await ReadAsync();

        var pressure = Assert.Single(records, r => r.Sample?.Type == "blood_pressure");
        Assert.Equal((121.0, 79.0, "mm[Hg]", "2024-03-02T08:15:00-05:00"),
            (pressure.Sample!.Systolic!.Value, pressure.Sample.Diastolic!.Value, pressure.Sample.Unit, pressure.Sample.Time));
        Assert.Equal("Omron Connect", pressure.Source);

        var halves = records.Where(r => r.Reason == AppleImportReasons.BloodPressureHalf).ToList();
        Assert.Equal(2, halves.Count);
        Assert.StartsWith("Line 33: HKQuantityTypeIdentifierBloodPressureSystolic outside a blood-pressure correlation is half a reading", halves[0].Detail, StringComparison.Ordinal);
        Assert.StartsWith("Line 34: HKQuantityTypeIdentifierBloodPressureDiastolic", halves[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sleep_stages_map_to_catalogue_stages_with_their_interval()
    {
        var records = await ReadAsync();

        var stages = records.OfType("sleep_stage");
        Assert.Equal(["in_bed", "light", "deep", "rem", "awake", "asleep", "asleep"], stages.Select(s => s.Stage));
        Assert.Equal(("2024-03-02T22:30:00-05:00", "2024-03-03T06:30:00-05:00"), (stages[0].Time, stages[0].End));
        Assert.All(stages, s => Assert.NotNull(s.End));
        Assert.Equal("Apple Watch", records.First(r => r.Sample?.Type == "sleep_stage").Source); // U+202F normalised
    }

    [Fact]
    public async Task Menstrual_flow_with_cycle_start_adds_a_cycle_start_sample()
    {
        var records = await ReadAsync();

        var flows = records.OfType("menstrual_flow");
        Assert.Equal(["medium", "light"], flows.Select(f => f.Category));
        Assert.Null(flows[0].End);
        Assert.Equal("2024-03-05T23:59:59-05:00", flows[1].End);

        var start = Assert.Single(records.OfType("menstrual_cycle_start"));
        Assert.Equal(("2024-03-04T00:00:00-05:00", "start"), (start.Time, start.Category));
        Assert.Equal("luteinizing_hormone_surge", Assert.Single(records.OfType("ovulation_test")).Category);
    }

    [Fact]
    public async Task Symptoms_are_imported_when_present_and_explained_when_not()
    {
        var records = await ReadAsync();

        Assert.Equal(["abdominal_cramps", "mood_changes"], records.OfType("menstrual_symptom").Select(s => s.Category));
        var absent = records.Where(r => r.Reason == AppleImportReasons.SymptomNotPresent).Select(r => r.Detail![..8]);
        Assert.Equal(["Line 57:", "Line 59:"], absent);
    }

    [Fact]
    public async Task Workouts_and_other_non_vitals_are_reported_once_each_and_reading_goes_on()
    {
        var records = await ReadAsync();
        var unsupported = records.Where(r => r.Reason == ImportReasons.UnsupportedRecordType).Select(r => r.Detail!).ToList();

        Assert.Equal(6, unsupported.Count);
        Assert.Contains(unsupported, d => d.StartsWith("Line 31: HKQuantityTypeIdentifierAppleSleepingWristTemperature", StringComparison.Ordinal));
        Assert.Contains(unsupported, d => d.StartsWith("Line 60: HKQuantityTypeIdentifierDietaryWater", StringComparison.Ordinal));
        Assert.Contains(unsupported, d => d.StartsWith("Line 61: HKCategoryTypeIdentifierMindfulSession", StringComparison.Ordinal));
        Assert.Contains(unsupported, d => d.StartsWith("Line 80: HKCorrelationTypeIdentifierFood", StringComparison.Ordinal));
        Assert.Contains(unsupported, d => d.StartsWith("Line 92: <ActivitySummary>", StringComparison.Ordinal));
        var workout = Assert.Single(unsupported, d => d.StartsWith("Line 83: workout HKWorkoutActivityTypeRunning", StringComparison.Ordinal));
        Assert.Contains("totals repeat the quantity records", workout, StringComparison.Ordinal);

        // The record after the workout and the summary is read.
        Assert.Equal("resting_heart_rate", records[^1].Sample?.Type);
    }

    [Fact]
    public async Task Hrv_beats_across_midnight_in_12_hour_clock_become_rr_intervals_without_the_impossible_beat()
    {
        var records = await ReadAsync();

        Assert.Equal(41.2, Assert.Single(records.OfType("hrv_sdnn")).Value);
        var rr = Assert.Single(records.OfType("rr_intervals"));
        Assert.Equal("2024-03-02T23:59:55.1-05:00", rr.Time);
        Assert.Equal([1000.0, 937.5, 800.0], rr.Values!);
        var impossible = Assert.Single(records, r => r.Reason == AppleImportReasons.ImplausibleValue);
        Assert.StartsWith("Line 68: beat of HKQuantityTypeIdentifierHeartRateVariabilitySDNN (record at line 64)", impossible.Detail, StringComparison.Ordinal);
        Assert.Equal(VitalCatalog.RrIntervals.Type, Service.Accept(rr).Type);
    }
}
