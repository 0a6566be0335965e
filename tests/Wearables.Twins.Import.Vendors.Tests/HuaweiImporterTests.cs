using Wearables.Twins.Import.Vendors.Huawei;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class HuaweiImporterTests
{
    private readonly HuaweiImporter _importer = new();

    [Fact]
    public async Task HiTrack_workout_imports_every_heart_rate_and_step_rate_and_counts_the_other_lines()
    {
        var records = await ReadFileAsync(_importer, Fixture("huawei", "HiTrack_1551732120000155173259000030001"));

        // One record per line: 429 lines = 91 h-r + 8 s-r + 330 others (235 GPS, 91 speed, 2 pace, 2 best pace).
        Assert.Equal(429, records.Count);
        var samples = records.SamplesOf();
        var heartRates = samples.Where(s => s.Type == "heart_rate").ToList();
        var steps = samples.Where(s => s.Type == "steps").ToList();
        Assert.Equal(91, heartRates.Count);
        Assert.Equal(8, steps.Count);
        Assert.Equal(330, records.Rejected(ImportReasons.UnsupportedRecordType).Count);
        Assert.Equal(235, records.Count(r => r.Detail?.Contains("tp=lbs (GPS location)", StringComparison.Ordinal) == true));

        // k is in milliseconds in this file: 1551732125000 = 2019-03-04T20:42:05Z.
        Assert.Equal("2019-03-04T20:42:05+00:00", heartRates[0].Time);
        Assert.Equal(105, heartRates[0].Value);
        Assert.Equal("active", heartRates[0].Context);
        Assert.Equal(163, heartRates[^1].Value);

        // s-r is steps per minute; each rate holds one minute (or until the next rate): 71+176+190+179+178+188+178+113.
        Assert.Equal(1273, steps.Sum(s => s.Value));
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromMinutes(1), s.End() - s.Time()));
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task HiTrack_without_gps_and_times_shown_in_the_import_time_zone()
    {
        var records = await ReadFileAsync(_importer, Fixture("huawei", "HiTrack_1_no_gps"), Zone("Asia/Shanghai"));

        var samples = records.SamplesOf();
        Assert.Equal(17, samples.Count(s => s.Type == "heart_rate"));
        Assert.Equal([119.0, 68.0], samples.Where(s => s.Type == "steps").Select(s => s.Value!.Value));
        Assert.Equal(19, records.Rejected(ImportReasons.UnsupportedRecordType).Count);

        // 1552679418000 = 2019-03-15T19:50:18Z, shown with Shanghai's offset (same instant).
        Assert.Equal("2019-03-16T03:50:18+08:00", samples[0].Time);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task A_corrupted_line_in_the_middle_is_one_rejection_and_the_rest_still_imports()
    {
        var lines = File.ReadAllLines(Fixture("huawei", "HiTrack_1_no_gps"));
        lines[9] = "tp=h-r;k=15526794#3000;v=1x8;";

        var records = await ReadTextAsync(_importer, string.Join('\n', lines), "HiTrack_corrupted");

        var rejected = Assert.Single(records.Rejected(ImportReasons.UnreadableRecord));
        Assert.StartsWith("line 10:", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(38, records.Count);
        Assert.Equal(16, records.SamplesOf().Count(s => s.Type == "heart_rate"));
        Assert.Equal(2, records.SamplesOf().Count(s => s.Type == "steps"));
    }

    [Fact]
    public async Task HiTrack_keys_in_seconds_and_no_reading_values()
    {
        const string File = "tp=h-r;k=1551732125;v=105;\ntp=h-r;k=1551732130;v=0;\ntp=h-r;k=1551732135000;v=255;\n"
            + "tp=s-r;k=1551732125;v=100;\ntp=s-r;k=1551732155;v=80;\n";

        var records = await ReadTextAsync(_importer, File, "HiTrack_seconds");

        var samples = records.SamplesOf();
        Assert.Equal("2019-03-04T20:42:05+00:00", samples[0].Time);
        Assert.Equal(2, records.Rejected(VendorImportReasons.NoMeasurement).Count);

        // The first rate lasts until the second starts (30 s): 100 steps/min for half a minute.
        var steps = samples.Where(s => s.Type == "steps").ToList();
        Assert.Equal([50.0, 80.0], steps.Select(s => s.Value!.Value));
        Assert.Equal(TimeSpan.FromSeconds(30), steps[0].End() - steps[0].Time());
    }

    [Fact]
    public async Task Health_Kit_sample_points_map_to_catalogue_vitals()
    {
        var records = await ReadFileAsync(_importer, Fixture("huawei", "healthkit-sample-points.json"), Zone("Europe/Paris"));

        var samples = records.SamplesOf();
        Assert.Equal(14, samples.Count);
        Assert.Equal([64.0, 66.0, 71.0], samples.Where(s => s.Type == "heart_rate").Select(s => s.Value!.Value));
        Assert.Equal(58, Assert.Single(samples, s => s.Type == "resting_heart_rate").Value);
        Assert.Equal(99, samples.Where(s => s.Type == "steps").Sum(s => s.Value));
        Assert.Equal(71.5, Assert.Single(samples, s => s.Type == "distance").Value);
        Assert.Equal(97, Assert.Single(samples, s => s.Type == "spo2").Value);
        Assert.Equal(36.6, Assert.Single(samples, s => s.Type == "body_temperature").Value);
        var pressure = Assert.Single(samples, s => s.Type == "blood_pressure");
        Assert.Equal((118.0, 76.0), (pressure.Systolic!.Value, pressure.Diastolic!.Value));
        Assert.Equal(["light", "deep", "awake", "rem"], samples.Where(s => s.Type == "sleep_stage").Select(s => s.Stage!));

        // 1714543200000 = 2024-05-01T06:00:00Z = 08:00 in Paris (summer time).
        Assert.Equal("2024-05-01T08:00:00+02:00", samples[0].Time);
        var unsupported = Assert.Single(records.Rejected(ImportReasons.UnsupportedRecordType));
        Assert.Contains("DT_CONTINUOUS_CALORIES_BURNT", unsupported.Detail, StringComparison.Ordinal);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Health_Kit_bad_sample_points_are_rejected_one_by_one()
    {
        const string Json = """
            [
              { "dataType": "DT_INSTANTANEOUS_HEART_RATE", "startTime": 1714543200000, "fieldValues": { "bpm": 64 } },
              { "dataType": "DT_INSTANTANEOUS_HEART_RATE", "startTime": "yesterday", "fieldValues": { "bpm": 64 } },
              { "dataType": "DT_INSTANTANEOUS_HEART_RATE", "startTime": 1714543260000, "fieldValues": { "bpm": 400 } },
              { "dataType": "DT_CONTINUOUS_SLEEP", "startTime": 1714543260000, "endTime": 1714543860000, "fieldValues": { "sleep_state": 9 } },
              { "dataType": "DT_INSTANTANEOUS_SPO2", "startTime": 1714543320000, "fieldValues": { "saturation": 96 } }
            ]
            """;

        var records = await ReadTextAsync(_importer, Json, "health.json");

        Assert.Equal(5, records.Count);
        Assert.Equal(2, records.SamplesOf().Count);
        Assert.Equal(2, records.Rejected(ImportReasons.UnreadableRecord).Count);
        Assert.Single(records.Rejected(VendorImportReasons.ImplausibleValue));
    }
}
