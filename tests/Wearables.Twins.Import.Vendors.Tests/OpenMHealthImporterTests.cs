using System.Text.Json;
using System.Text.Json.Nodes;
using Wearables.Twins.Import.Vendors.OpenMHealth;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class OpenMHealthImporterTests
{
    private const string Unreadable = ImportReasons.UnreadableRecord;
    private const string Unit = ImportReasons.UnsupportedUnit;
    private const string Unsupported = ImportReasons.UnsupportedRecordType;
    private const string Summary = VendorImportReasons.SummaryStatistic;
    private const string Implausible = VendorImportReasons.ImplausibleValue;

    /// <summary>
    /// What each of the 59 upstream documents becomes. A valid document is imported unless it is a summary
    /// (descriptive_statistic), a sleep total that does not fill its interval, has no time at all, or has an
    /// impossible value (the upstream RR examples are 30 ms); every invalid document is rejected.
    /// </summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["heart-rate/2.0/shouldFail/empty-document.json"] = Unreadable,
        ["heart-rate/2.0/shouldFail/incorrect-unit.json"] = Unit,
        ["heart-rate/2.0/shouldFail/missing-effective-time-frame.json"] = Unreadable,
        ["heart-rate/2.0/shouldPass/with-descriptive-statistic.json"] = Summary,
        ["heart-rate/2.0/shouldPass/with-temporal-relationship-to-sleep.json"] = "heart_rate 67.5 beats/min at 2020-02-05T07:25:00-08:00",
        ["blood-pressure/4.0/shouldFail/empty-document.json"] = Unreadable,
        ["blood-pressure/4.0/shouldFail/invalid-pa-value.json"] = Unreadable,
        ["blood-pressure/4.0/shouldFail/invalid-timeframe-format.json"] = Unreadable,
        ["blood-pressure/4.0/shouldFail/invalid-unit.json"] = Unit,
        ["blood-pressure/4.0/shouldPass/blood-pressure-only.json"] = "blood_pressure 115/60 mmHg at 2020-02-05T07:25:00-08:00",
        ["blood-pressure/4.0/shouldPass/with-descriptive-statistic.json"] = Summary,
        ["blood-pressure/4.0/shouldPass/with-posture-and-location.json"] = "blood_pressure 140/60 mmHg at 2020-02-05T07:25:00-08:00",
        ["blood-pressure/4.0/shouldPass/with-posture-location-relation.json"] = "blood_pressure 125/60 mmHg at 2020-02-05T07:25:00-08:00",
        ["body-temperature/4.0/shouldFail/empty-document.json"] = Unreadable,
        ["body-temperature/4.0/shouldFail/invalid-unit.json"] = Unit,
        ["body-temperature/4.0/shouldFail/missing-effective-time-frame.json"] = Unreadable,
        ["body-temperature/4.0/shouldPass/basal-temperature.json"] = "body_temperature 96.5 [degF] at 2023-02-05T06:25:00+00:00",
        ["body-temperature/4.0/shouldPass/valid-temperature-with-statistic.json"] = Summary,
        ["body-temperature/4.0/shouldPass/valid-temperature.json"] = "body_temperature 97 [degF] at 2023-02-05T07:25:00+01:00",
        ["oxygen-saturation/2.0/shouldFail/invalid-oxygen-unit.json"] = Unit,
        ["oxygen-saturation/2.0/shouldFail/invalid-unit.json"] = Unit,
        ["oxygen-saturation/2.0/shouldFail/missing-effective-time-frame.json"] = Unreadable,
        ["oxygen-saturation/2.0/shouldPass/saturation-only.json"] = "spo2 95 % at 2013-02-05T07:25:00-08:00",
        ["oxygen-saturation/2.0/shouldPass/saturation-with-statistics.json"] = Summary,
        ["oxygen-saturation/2.0/shouldPass/with-oxygen.json"] = "spo2 95 % at 2013-02-05T07:25:00+00:00",
        ["respiratory-rate/2.0/shouldFail/empty-document.json"] = Unreadable,
        ["respiratory-rate/2.0/shouldFail/invalid-respiratory-rate.json"] = Unit,
        ["respiratory-rate/2.0/shouldPass/respiratory-rate-only.json"] = "respiratory_rate 12 breaths/min at 2020-02-05T07:25:00-08:00",
        ["respiratory-rate/2.0/shouldPass/with-statistic.json"] = Summary,
        ["respiratory-rate/2.0/shouldPass/with-temporal-relationship-to-physical-activity.json"] = "respiratory_rate 11 breaths/min at 2020-02-05T07:25:00-08:00",
        ["rr-interval/1.0/shouldFail/empty-document.json"] = Unreadable,
        ["rr-interval/1.0/shouldFail/invalid-rr-interval.json"] = Unit,
        ["rr-interval/1.0/shouldPass/rr-interval-only.json"] = Unreadable,
        ["rr-interval/1.0/shouldPass/with-statistic.json"] = Summary,
        ["rr-interval/1.0/shouldPass/with-temporal-relationship-to-physical-activity.json"] = Implausible,
        ["rr-interval/1.0/shouldPass/with-time-frame.json"] = Implausible,
        ["sleep-duration/2.0/shouldFail/empty-document.json"] = Unreadable,
        ["sleep-duration/2.0/shouldFail/invalid-unit.json"] = Unit,
        ["sleep-duration/2.0/shouldFail/sleep-duration-only.json"] = Unreadable,
        ["sleep-duration/2.0/shouldFail/with-date-time.json"] = Unreadable,
        ["sleep-duration/2.0/shouldPass/valid-sleep-duration.json"] = Unsupported,
        ["sleep-duration/2.0/shouldPass/with-descriptive-statistic.json"] = Summary,
        ["sleep-episode/1.1/shouldPass/valid-sleep-episode.json"] = "sleep_stage in_bed 2016-02-05T21:35:00+00:00..2016-02-06T06:35:00+00:00",
        ["step-count/3.0/shouldFail/empty-document.json"] = Unreadable,
        ["step-count/3.0/shouldFail/invalid-unit-step-count.json"] = Unreadable,
        ["step-count/3.0/shouldFail/step-count-only.json"] = Unreadable,
        ["step-count/3.0/shouldFail/string-step-count-value.json"] = Unreadable,
        ["step-count/3.0/shouldFail/with-date-time.json"] = Unreadable,
        ["step-count/3.0/shouldPass/valid-step-count.json"] = "steps 10600 steps 2016-02-05T06:25:00+00:00..2016-02-05T07:25:00+00:00",
        ["step-count/3.0/shouldPass/with-average.json"] = Summary,
        ["step-count/3.0/shouldPass/with-maximum.json"] = Summary,
        ["step-count/3.0/shouldPass/with-session.json"] = Summary,
        ["total-sleep-time/1.0/shouldFail/empty-document.json"] = Unreadable,
        ["total-sleep-time/1.0/shouldFail/invalid-unit.json"] = Unit,
        ["total-sleep-time/1.0/shouldFail/total-sleep-time-only.json"] = Unreadable,
        ["total-sleep-time/1.0/shouldFail/with-date-time.json"] = Unreadable,
        ["total-sleep-time/1.0/shouldPass/valid-total-sleep-time.json"] = Unsupported,
        ["total-sleep-time/1.0/shouldPass/with-descriptive-statistic.json"] = Summary,
        ["physical-activity/1.2/shouldPass/with-calories-burned.json"] =
            "distance 3.1 mi 2015-02-06T06:25:00+00:00..2015-02-06T07:25:00+00:00; active_energy 160 kcal 2015-02-06T06:25:00+00:00..2015-02-06T07:25:00+00:00",
    };

    private static readonly Lazy<JsonObject> Bundle = new(() =>
        JsonNode.Parse(File.ReadAllText(Fixture("openmhealth", "omh-test-data-bundle.json")))!["files"]!.AsObject());

    private readonly OpenMHealthImporter _importer = new();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Bundle.Value)
        {
            data.Add(path["test-data/omh/".Length..]);
        }

        return data;
    }

    [Fact]
    public void The_bundle_has_59_documents_and_each_has_an_expectation()
    {
        Assert.Equal(59, Bundle.Value.Count);
        Assert.Equal(Expected.Keys.Order(), Bundle.Value.Select(f => f.Key["test-data/omh/".Length..]).Order());
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Each_upstream_document_is_imported_or_rejected_with_its_reason(string file)
    {
        var entry = Bundle.Value["test-data/omh/" + file]!;
        var records = await ReadTextAsync(_importer, DataPoint(entry).ToJsonString(), file);

        var expected = Expected[file];
        var valid = entry["expect"]!.GetValue<string>() == "pass";
        if (expected.Contains(' ', StringComparison.Ordinal))
        {
            Assert.True(valid);
            Assert.All(records, r => Assert.Null(r.Reason));
            Assert.Equal(expected, string.Join("; ", records.SamplesOf().Select(Summarize)));
            Assert.All(records, r => Assert.Equal("fixture-device", r.Source));
            AssertAllAccepted(records.SamplesOf());
        }
        else
        {
            var rejected = Assert.Single(records);
            Assert.Equal(expected, rejected.Reason);
            Assert.StartsWith("data point 1 (byte 0):", rejected.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_invalid_document_is_rejected()
    {
        foreach (var (path, entry) in Bundle.Value.Where(f => f.Value!["expect"]!.GetValue<string>() == "fail"))
        {
            var records = await ReadTextAsync(_importer, DataPoint(entry!).ToJsonString(), path);
            Assert.True(records.Count == 1 && records[0].Reason is not null, path);
        }
    }

    [Fact]
    public async Task An_array_a_pretty_printed_document_and_ndjson_give_the_same_samples()
    {
        var valid = Bundle.Value.Where(f => Expected[f.Key["test-data/omh/".Length..]].Contains(' ', StringComparison.Ordinal))
            .Select(f => DataPoint(f.Value!))
            .ToList();
        var array = new JsonArray([.. valid.Select(v => v.DeepClone())]).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var ndjson = string.Join('\n', valid.Select(v => v.ToJsonString()));
        var pretty = string.Join('\n', valid.Select(v => v.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

        var fromArray = (await ReadTextAsync(_importer, array, "points.json")).SamplesOf().Select(Summarize).ToList();
        var fromLines = (await ReadTextAsync(_importer, ndjson, "points.ndjson")).SamplesOf().Select(Summarize).ToList();
        var fromPretty = (await ReadTextAsync(_importer, pretty, "points.json")).SamplesOf().Select(Summarize).ToList();

        Assert.Equal(14, fromArray.Count);
        Assert.Equal(fromArray, fromLines);
        Assert.Equal(fromArray, fromPretty);
    }

    [Fact]
    public async Task A_corrupted_line_in_ndjson_is_one_rejection_and_the_rest_imports()
    {
        var points = Bundle.Value.Where(f => f.Key.Contains("/shouldPass/", StringComparison.Ordinal) && f.Key.Contains("blood-pressure", StringComparison.Ordinal))
            .Select(f => DataPoint(f.Value!).ToJsonString())
            .ToList();
        points.Insert(2, points[0][..40]);

        var records = await ReadTextAsync(_importer, string.Join('\n', points), "bp.ndjson");

        var unreadable = Assert.Single(records.Rejected(ImportReasons.UnreadableRecord));
        Assert.StartsWith("line 3: not valid JSON", unreadable.Detail, StringComparison.Ordinal);
        Assert.Equal(3, records.SamplesOf().Count);
        Assert.Single(records.Rejected(VendorImportReasons.SummaryStatistic));
    }

    [Fact]
    public async Task Temporal_relationship_to_activity_sets_the_heart_rate_context()
    {
        const string Line = """{"header":{"schema_id":{"namespace":"omh","name":"heart-rate","version":"1.1"}},"body":{"heart_rate":{"value":58,"unit":"beats/min"},"effective_time_frame":{"date_time":"2024-05-01T06:00:00.250+02:00"},"temporal_relationship_to_physical_activity":"at rest"}}""";

        var sample = Assert.Single((await ReadTextAsync(_importer, Line, "hr.json")).SamplesOf());

        Assert.Equal("resting", sample.Context);
        Assert.Equal("2024-05-01T06:00:00.25+02:00", sample.Time);
        AssertAllAccepted([sample]);
    }

    /// <summary>An upstream body wrapped in a data point whose header names the schema the bundle says it is for.</summary>
    private static JsonObject DataPoint(JsonNode entry)
    {
        var schema = entry["schema"]!.GetValue<string>().Split(':');
        return new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["creation_date_time"] = "2024-01-01T00:00:00Z",
                ["schema_id"] = new JsonObject { ["namespace"] = schema[0], ["name"] = schema[1], ["version"] = schema[2] },
                ["acquisition_provenance"] = new JsonObject { ["source_name"] = "fixture-device", ["modality"] = "sensed" },
            },
            ["body"] = entry["document"]!.DeepClone(),
        };
    }

    private static string Summarize(Telemetry.Wire.EnvelopeSample s)
    {
        var value = s.Type switch
        {
            "blood_pressure" => $"{s.Systolic}/{s.Diastolic} {s.Unit}",
            "sleep_stage" => s.Stage,
            _ => $"{s.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)} {s.Unit}",
        };
        return s.End is null ? $"{s.Type} {value} at {s.Time}" : $"{s.Type} {value} {s.Time}..{s.End}";
    }
}
