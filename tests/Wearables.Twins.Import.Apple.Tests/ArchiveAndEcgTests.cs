using System.Globalization;
using System.Text;
using Wearables.Twins.Testing.Streams;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple.Tests;

/// <summary>export.zip as Apple lays it out, and the ECG CSVs inside it.</summary>
public sealed class ArchiveAndEcgTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Fixtures.PathOf(name));

    private static MemoryStream AppleZip(params (string Path, byte[] Content)[] extra)
        => Fixtures.Zip(
        [
            ("apple_health_export/export.xml", Fixture("own_export.xml")),
            ("apple_health_export/export_cda.xml", Fixtures.Utf8("<?xml version=\"1.0\"?><ClinicalDocument><Record/></ClinicalDocument>")),
            ("apple_health_export/workout-routes/route_2024-03-02_5.00pm.gpx", Fixtures.Utf8("<gpx/>")),
            ("apple_health_export/electrocardiograms/ecg_2020-04-26.csv", Fixture("ecg_2020-04-26.csv")),
            .. extra,
        ]);

    private static string Csv(string classification, IEnumerable<string> voltages, string unit = "µV", string? recorded = "2021-01-02 03:04:05 +0100")
    {
        var text = new StringBuilder()
            .Append("Name,Jeanne Exemple\n")
            .Append("Date of Birth,\"Jun 9, 1986\"\n");
        if (recorded is not null)
        {
            text.Append("Recorded Date,").Append(recorded).Append('\n');
        }

        text.Append("Classification,").Append(classification).Append('\n')
            .Append("Symptoms,\nSoftware Version,2\nDevice,\"Watch6,2\"\nSample Rate,512 hertz\nLead,Lead I\n")
            .Append("Unit,").Append(unit).Append("\n\n\n");
        foreach (var voltage in voltages)
        {
            text.Append(voltage).Append('\n');
        }

        return text.ToString();
    }

    private static async Task<ImportRecord> ReadEcgAsync(string csv)
    {
        var records = await Importer.ReadAllAsync(Fixtures.Zip(("apple_health_export/electrocardiograms/ecg_2021-01-02.csv", Fixtures.Utf8(csv))), "export.zip");
        return Assert.Single(records);
    }

    [Fact]
    public async Task Zip_gives_export_xml_records_then_each_ecg_and_ignores_cda_and_routes()
    {
        var tooLong = Csv("Sinus Rhythm", Enumerable.Repeat("12.5", 16_385));
        var records = await Importer.ReadAllAsync(
            AppleZip(("apple_health_export/electrocardiograms/ecg_2021-01-02_1.csv", Fixtures.Utf8(tooLong))), "export.zip");

        Assert.Equal(48, records.Count);
        Assert.Equal(30, records.Samples().Count);
        Assert.Equal("resting_heart_rate", records[^3].Sample?.Type);
        Assert.Equal("ecg", records[^2].Sample?.Type);
        Assert.Equal(AppleImportReasons.SeriesTooLong, records[^1].Reason);
        Assert.Equal(
            "ECG apple_health_export/electrocardiograms/ecg_2021-01-02_1.csv holds 16385 voltage samples (32 s at 512 Hz); one ecg sample carries at most 16384, and a cut recording would not match its classification.",
            records[^1].Detail);
        Assert.DoesNotContain(records, r => r.Detail?.Contains("ClinicalDocument", StringComparison.Ordinal) == true);
        Service.AcceptAll(records);
    }

    [Fact]
    public async Task Ecg_fixture_becomes_one_recording_of_30_seconds()
    {
        var records = await Importer.ReadAllAsync(AppleZip(), "export.zip");

        var ecg = Assert.Single(records, r => r.Sample?.Type == "ecg");
        Assert.Equal("Watch5,4", ecg.Source);
        var sample = ecg.Sample!;
        Assert.Equal(("2020-04-26T13:23:40-03:00", "2020-04-26T13:24:10-03:00", "sinus_rhythm", "uV"), (sample.Time, sample.End, sample.Category, sample.Unit));
        Assert.Null(sample.Value);
        Assert.Equal(15_360, sample.Values!.Count);
        var voltages = File.ReadLines(Fixtures.PathOf("ecg_2020-04-26.csv")).Skip(12).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(voltages, sample.Values);

        var accepted = Service.Accept(sample);
        Assert.Equal(VitalCatalog.Ecg.Type, accepted.Type);
        Assert.Equal(15_360, accepted.Series.Length);
        Assert.True(VitalCatalog.Ecg.TryGetCategory("sinus_rhythm", out var sinus));
        Assert.Equal(sinus, accepted.Value2);
    }

    [Theory]
    [InlineData("Sinus Rhythm", "sinus_rhythm")]
    [InlineData("Atrial Fibrillation", "atrial_fibrillation")]
    [InlineData("Inconclusive", "inconclusive_other")]
    [InlineData("Heart Rate Over 120", "inconclusive_high_heart_rate")]
    [InlineData("Heart Rate Over 150", "inconclusive_high_heart_rate")]
    [InlineData("Heart Rate Under 50", "inconclusive_low_heart_rate")]
    [InlineData("Poor Recording", "inconclusive_poor_reading")]
    [InlineData("", "unrecognized")]
    [InlineData("Rythme sinusal", "unrecognized")]
    public async Task Ecg_classifications_map_to_catalogue_categories(string classification, string category)
    {
        var record = await ReadEcgAsync(Csv(classification, ["-104.419", "-105.093", "12"]));

        Assert.Equal(category, record.Sample!.Category);
        Service.Accept(record.Sample);
    }

    [Fact]
    public async Task Ecg_with_decimal_commas_and_greek_mu_is_read()
    {
        var record = await ReadEcgAsync(Csv("Sinus Rhythm", ["-104,5", "\"-105,25\"", "12"], unit: "\u03BCV"));

        Assert.Equal([-104.5, -105.25, 12.0], record.Sample!.Values!);
        Assert.Equal(("2021-01-02T03:04:05+01:00", "2021-01-02T03:04:05.0058594+01:00"), (record.Sample.Time, record.Sample.End));
        Service.Accept(record.Sample);
    }

    [Fact]
    public async Task Ecg_in_millivolts_converts_in_the_service()
    {
        var record = await ReadEcgAsync(Csv("Sinus Rhythm", ["-0.104", "0.9"], unit: "mV"));

        Assert.Equal("mV", record.Sample!.Unit);
        Assert.Equal([-104.0, 900.0], Service.Accept(record.Sample).Series.Select(v => Math.Round(v, 6)));
    }

    [Theory]
    [InlineData(null, "µV", ImportReasons.UnreadableRecord, "has no readable Recorded Date")]
    [InlineData("2021-01-02 03:04:05 +0100", "nV", ImportReasons.UnsupportedUnit, "unit 'nV' is not a voltage unit")]
    public async Task Broken_ecg_header_is_rejected_with_its_reason(string? recorded, string unit, string reason, string detail)
    {
        var record = await ReadEcgAsync(Csv("Sinus Rhythm", ["1", "2"], unit, recorded));

        Assert.Equal(reason, record.Reason);
        Assert.Contains(detail, record.Detail, StringComparison.Ordinal);
        Assert.Equal("Watch6,2", record.Source);
    }

    [Fact]
    public async Task Ecg_with_text_among_voltages_is_rejected_with_its_line()
    {
        var record = await ReadEcgAsync(Csv("Sinus Rhythm", ["1", "2", "spike", "3"]));

        Assert.Equal(ImportReasons.UnreadableRecord, record.Reason);
        Assert.Equal("ECG apple_health_export/electrocardiograms/ecg_2021-01-02.csv line 15: 'spike' is not a voltage.", record.Detail);
    }

    [Fact]
    public async Task Zip_that_cannot_seek_is_spooled_and_reads_the_same()
    {
        var seekable = await Importer.ReadAllAsync(AppleZip(), "export.zip");
        var forwardOnly = await Importer.ReadAllAsync(new TrickleStream(AppleZip().ToArray(), maxBytesPerRead: 4093), "export.zip");

        Assert.Equal(seekable.Select(r => (r.Sample?.Type, r.Reason, r.Detail)), forwardOnly.Select(r => (r.Sample?.Type, r.Reason, r.Detail)));
    }

    [Fact]
    public async Task Zip_without_an_export_is_not_an_apple_export()
    {
        var zip = Fixtures.Zip(("photos/cat.jpg", [1, 2, 3]));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Importer.ReadAllAsync(zip, "holiday.zip"));
        Assert.Contains("holiday.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanRead_recognises_export_zip_and_export_xml_by_content()
    {
        var importer = new AppleHealthImporter();
        var zipHead = AppleZip().ToArray().AsSpan(0, 4096);
        var ownZipHead = Fixtures.Zip(("export.xml", Fixture("exporter.xml"))).ToArray();
        var xmlHead = Fixture("own_export.xml").AsSpan(0, 4096);
        var jdecoolHead = Fixture("exporter.xml").AsSpan(0, 4096);

        Assert.True(importer.CanRead("upload-7f3a.tmp", zipHead));
        Assert.True(importer.CanRead("export.zip", ownZipHead));
        Assert.True(importer.CanRead("export.xml", xmlHead));
        Assert.True(importer.CanRead("Exportation.xml", jdecoolHead));
        Assert.False(importer.CanRead("holiday.zip", Fixtures.Zip(("photos/cat.jpg", [1, 2, 3])).ToArray()));
        Assert.False(importer.CanRead("steps.csv", "time,value\n2024-01-01T00:00:00Z,3\n"u8));
        Assert.False(importer.CanRead("fhir.xml", "<?xml version=\"1.0\"?><Bundle xmlns=\"http://hl7.org/fhir\"/>"u8));
        Assert.Equal("apple", importer.Format);
    }
}
