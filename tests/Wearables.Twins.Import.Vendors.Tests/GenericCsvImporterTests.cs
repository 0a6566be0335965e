using Wearables.Twins.Import.Vendors.GenericCsv;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class GenericCsvImporterTests
{
    private readonly GenericCsvImporter _importer = new();

    [Fact]
    public async Task The_conventional_layout_needs_no_mapping_and_reads_every_shape()
    {
        var records = await ReadFileAsync(_importer, Fixture("csv", "vitals.csv"), Zone("Europe/Paris"));

        var samples = records.SamplesOf();
        Assert.Equal(
            ["heart_rate", "spo2", "blood_pressure", "steps", "body_temperature", "rr_intervals", "sleep_stage"],
            samples.Select(s => s.Type!));
        Assert.Equal("2024-05-01T08:05:00+02:00", samples[2].Time); // local time, Paris summer time
        Assert.Equal((121.0, 79.0), (samples[2].Systolic!.Value, samples[2].Diastolic!.Value));
        Assert.Equal("2024-05-01T08:11:00+00:00", samples[3].End);
        Assert.Equal("[degF]", samples[4].Unit);
        Assert.Equal([812.0, 790, 805], samples[5].Values!);
        Assert.Equal("deep", samples[6].Stage);
        var unknown = Assert.Single(records.Rejected(ImportReasons.UnsupportedRecordType));
        Assert.Contains("weight_of_cat", unknown.Detail, StringComparison.Ordinal);
        Assert.StartsWith("line 10:", unknown.Detail, StringComparison.Ordinal); // the quoted note spans lines 8–9
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Semicolons_allow_decimal_commas_and_local_times_follow_daylight_saving()
    {
        var mapping = new CsvColumnMapping
        {
            TimeColumn = "Zeitpunkt",
            ValueColumn = "Temperatur",
            Type = "body_temperature",
            Unit = "Cel",
            Delimiter = ';',
        };

        var samples = (await ReadFileAsync(_importer, Fixture("csv", "temperatur.csv"), Zone("Europe/Berlin"), mapping)).SamplesOf();

        Assert.Equal([36.6, 36.9, 37.1], samples.Select(s => s.Value!.Value));
        Assert.Equal(["2024-03-31T01:30:00+01:00", "2024-03-31T03:30:00+02:00", "2024-03-31T04:00:00+02:00"], samples.Select(s => s.Time!));
        Assert.Equal(TimeSpan.FromHours(1), samples[1].Time() - samples[0].Time());
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task A_decimal_comma_is_not_guessed_when_the_comma_is_the_delimiter()
    {
        const string Csv = "time,value\n2024-05-01T08:00:00Z,\"36,6\"\n2024-05-01T08:05:00Z,36.7\n";
        var mapping = new CsvColumnMapping { Type = "body_temperature", Unit = "Cel" };

        var records = await ReadTextAsync(_importer, Csv, "t.csv", mapping: mapping);

        Assert.Single(records.Rejected(ImportReasons.UnreadableRecord));
        Assert.Equal(36.7, Assert.Single(records.SamplesOf()).Value);
    }

    [Fact]
    public async Task A_corrupted_line_in_the_middle_is_one_rejection_and_the_rest_imports()
    {
        var lines = Enumerable.Range(0, 50).Select(i => $"2024-05-01T08:{i:00}:00Z,heart_rate,{60 + i},/min").ToList();
        lines[25] = "2024-05-01T08:25:00Z,heart_rate,\"8\"5,/min";
        var csv = "time,type,value,unit\n" + string.Join('\n', lines);

        var records = await ReadTextAsync(_importer, csv, "hr.csv");

        var rejected = Assert.Single(records, r => r.Reason is not null);
        Assert.Equal(ImportReasons.UnreadableRecord, rejected.Reason);
        Assert.StartsWith("line 27:", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(49, records.SamplesOf().Count);
        AssertAllAccepted(records.SamplesOf());
    }

    [Fact]
    public async Task An_unterminated_quote_does_not_swallow_the_rest_of_the_file()
    {
        var lines = Enumerable.Range(0, 40).Select(i => $"2024-05-01T09:{i:00}:00Z,heart_rate,{70 + i},bpm").ToList();
        lines[3] = "\"2024-05-01T09:03:00Z,heart_rate,73,bpm";
        var csv = "time,type,value,unit\n" + string.Join('\n', lines);

        var records = await ReadTextAsync(_importer, csv, "hr.csv");

        Assert.Single(records.Rejected(ImportReasons.UnreadableRecord));
        Assert.Equal(39, records.SamplesOf().Count);
    }

    [Fact]
    public async Task Values_out_of_range_and_units_of_another_vital_are_rejected_where_they_are()
    {
        const string Csv = "time,type,value,unit\n2024-05-01T08:00:00Z,heart_rate,19,/min\n2024-05-01T08:00:00Z,spo2,97,mmHg\n2024-05-01T08:00:00Z,steps,5,\n";

        var records = await ReadTextAsync(_importer, Csv, "v.csv");

        Assert.StartsWith("line 2:", Assert.Single(records.Rejected(VendorImportReasons.ImplausibleValue)).Detail, StringComparison.Ordinal);
        Assert.Equal(2, records.Rejected(ImportReasons.UnsupportedUnit).Count);
    }

    [Fact]
    public async Task A_mapping_that_does_not_fit_the_header_stops_the_import_with_one_message()
    {
        var mapping = new CsvColumnMapping { TimeColumn = "when", Type = "heart_rate", Unit = "bpm" };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadTextAsync(_importer, "time,value\n2024-05-01T08:00:00Z,70\n", "x.csv", mapping: mapping));

        Assert.Contains("'when'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadTextAsync(_importer, "time,value\n", "x.csv", mapping: new CsvColumnMapping { Type = "pulse" }));
    }
}
