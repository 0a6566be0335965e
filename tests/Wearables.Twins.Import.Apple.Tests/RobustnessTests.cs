using System.Globalization;
using Wearables.Twins.Testing.Streams;

namespace Wearables.Twins.Import.Apple.Tests;

/// <summary>Broken files, hostile files, locale quirks.</summary>
public sealed class RobustnessTests
{
    private const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<HealthData locale=\"de_DE\">\n";

    private static string HeartRate(int minute, string value = "70", string source = "Apple Watch")
        => $"<Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"{source}\" unit=\"count/min\" startDate=\"2023-05-01 10:{minute:00}:00 +0200\" endDate=\"2023-05-01 10:{minute:00}:00 +0200\" value=\"{value}\"/>\n";

    [Fact]
    public async Task Xml_that_breaks_mid_file_keeps_what_came_before_and_reports_the_break_once()
    {
        var xml = Head + HeartRate(1) + HeartRate(2)
            + "<Record type=\"HKQuantityTypeIdentifierHeartRate\" value=\"71\" <Record/>\n"
            + HeartRate(4) + HeartRate(5) + "</HealthData>\n";

        var records = await Importer.ReadXmlAsync(xml);

        Assert.Equal(3, records.Count);
        Assert.Equal(["2023-05-01T10:01:00+02:00", "2023-05-01T10:02:00+02:00"], records.Samples().Select(s => s.Time));
        var broken = records[^1];
        Assert.Equal(ImportReasons.UnreadableRecord, broken.Reason);
        Assert.StartsWith("The XML breaks at line 5, position ", broken.Detail, StringComparison.Ordinal);
        Assert.EndsWith("everything before it was read, the rest of the file is not.", broken.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xml_cut_off_inside_a_record_drops_the_partial_record()
    {
        var xml = Head + HeartRate(1)
            + "<Record type=\"HKQuantityTypeIdentifierHeartRate\" sourceName=\"W\" unit=\"count/min\" startDate=\"2023-05-01 10:02:00 +0200\" endDate=\"2023-05-01 10:02:00 +0200\" value=\"71\">\n"
            + "<MetadataEntry key=\"HKMetadataKeyHeartRateMotionContext\" value=\"1\"/>\n";

        var records = await Importer.ReadXmlAsync(xml);

        Assert.Equal(2, records.Count);
        Assert.Equal("2023-05-01T10:01:00+02:00", Assert.Single(records.Samples()).Time);
        Assert.StartsWith("The XML breaks at line 6, position 1", records[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_entities_are_never_resolved()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "TOP-SECRET");
        try
        {
            var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [<!ENTITY leak SYSTEM \"" + new Uri(secret).AbsoluteUri + "\">]>\n"
                + "<HealthData>\n" + HeartRate(1, source: "&leak;") + "</HealthData>\n";

            var records = await Importer.ReadXmlAsync(xml);

            Assert.DoesNotContain(records, r => (r.Source + r.Detail).Contains("TOP-SECRET", StringComparison.Ordinal));
            Assert.Equal(ImportReasons.UnreadableRecord, Assert.Single(records).Reason);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task Entity_expansion_bombs_are_not_expanded()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
            + "<HealthData>\n" + HeartRate(1) + HeartRate(2, source: "&c;") + "</HealthData>\n";

        var records = await Importer.ReadXmlAsync(xml);

        Assert.Equal(2, records.Count);
        Assert.Equal("heart_rate", records[0].Sample?.Type);
        Assert.StartsWith("The XML breaks at line 5", records[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Control_characters_in_attributes_do_not_end_the_import()
    {
        // iOS 16 exports carried U+000B in some source names; strict XML readers stop there.
        var xml = Head + HeartRate(1, source: "Apple\vWatch") + HeartRate(2, source: "  Apple\u00A0\u00A0Watch\u202F")
            + HeartRate(3, source: "Apple&#11;Watch\u0001") + "</HealthData>\n";

        var records = await Importer.ReadXmlAsync(xml);

        Assert.Equal(["Apple Watch", "Apple Watch", "Apple Watch"], records.Select(r => r.Source));
        Assert.Equal(3, records.Samples().Count);
    }

    [Fact]
    public async Task Xml_that_cannot_seek_is_read_from_its_first_byte()
    {
        var xml = Head + HeartRate(1, "72,5") + "</HealthData>\n";

        var records = await Importer.ReadAllAsync(new TrickleStream(Fixtures.Utf8(xml), maxBytesPerRead: 13));

        Assert.Equal(72.5, Assert.Single(records.Samples()).Value);
    }

    [Fact]
    public async Task Empty_export_gives_no_records()
    {
        Assert.Empty(await Importer.ReadXmlAsync(Head + "<ExportDate value=\"2023-05-01 10:00:00 +0200\"/><Me/></HealthData>"));
    }

    [Fact]
    public async Task Timestamps_without_offset_take_the_import_zone()
    {
        var xml = Head + "<Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"iPhone\" unit=\"count\" startDate=\"2023-07-01 10:00:00\" endDate=\"2023-07-01 10:05:00\" value=\"300\"/></HealthData>";
        var context = new ImportContext { LocalTimeZone = TimeZoneInfo.CreateCustomTimeZone("x", TimeSpan.FromHours(-3), "x", "x") };

        var records = new List<ImportRecord>();
        await foreach (var record in new AppleHealthImporter().ReadAsync(new MemoryStream(Fixtures.Utf8(xml)), context))
        {
            records.Add(record);
        }

        var steps = Assert.Single(records.Samples());
        Assert.Equal(("2023-07-01T10:00:00-03:00", "2023-07-01T10:05:00-03:00"), (steps.Time, steps.End));
    }

    [Theory]
    [InlineData("2019-07-18 21:16:39 +0200", "2019-07-18T21:16:39+02:00")]
    [InlineData("2019-07-18 21:16:39 -0330", "2019-07-18T21:16:39-03:30")]
    [InlineData("2019-07-18 21:16:39 +0000", "2019-07-18T21:16:39+00:00")]
    [InlineData("2019-07-18\u00A021:16:39\u00A0+0545", "2019-07-18T21:16:39+05:45")]
    public void Apple_timestamps_keep_their_own_offset(string text, string wire)
    {
        Assert.True(AppleValues.TryParseDate(text, TimeZoneInfo.Utc, out var value));
        Assert.Equal(wire, WireTime.Format(value));
    }

    [Theory]
    [InlineData("2019-07-18T21:16:39+02:00")]
    [InlineData("18.07.2019 21:16:39 +0200")]
    [InlineData("2019-02-30 21:16:39 +0200")]
    [InlineData("")]
    public void Other_timestamps_are_refused(string text)
    {
        Assert.False(AppleValues.TryParseDate(text, TimeZoneInfo.Utc, out _));
    }

    [Theory]
    [InlineData("36,6", 36.6)]
    [InlineData("36.6", 36.6)]
    [InlineData(" -0,31 ", -0.31)]
    [InlineData("1e3", 1000)]
    [InlineData("14", 14)]
    public void Numbers_take_a_decimal_point_or_comma(string text, double expected)
    {
        Assert.True(AppleValues.TryParseNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("1,2,3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("abc")]
    [InlineData(null)]
    public void Ambiguous_or_non_numbers_are_refused(string? text)
    {
        Assert.False(AppleValues.TryParseNumber(text, out _));
    }

    [Theory]
    [InlineData("08:33:44,67", "08:33:44.67")]
    [InlineData("8:33:44.67 AM", "08:33:44.67")]
    [InlineData("8:33:44.67\u202FPM", "20:33:44.67")]
    [InlineData("12:00:00.90 AM", "00:00:00.9")]
    [InlineData("12:30:01 pm", "12:30:01")]
    [InlineData("23:59:59,99", "23:59:59.99")]
    public void Beat_clock_times_read_in_both_clocks(string text, string expected)
    {
        Assert.True(AppleValues.TryParseTimeOfDay(text, out var time));
        Assert.Equal(TimeSpan.Parse(expected, CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("13:00:00 PM")]
    [InlineData("24:00:00")]
    [InlineData("08:61:00")]
    [InlineData("noon")]
    public void Impossible_clock_times_are_refused(string text)
    {
        Assert.False(AppleValues.TryParseTimeOfDay(text, out _));
    }

    [Theory]
    [InlineData("2024-03-02 23:59:50 -0500", "00:00:00.9", "2024-03-03T00:00:00.9-05:00")]
    [InlineData("2024-03-03 00:00:05 -0500", "23:59:58", "2024-03-02T23:59:58-05:00")]
    [InlineData("2018-11-19 08:33:39 +0100", "08:33:44.67", "2018-11-19T08:33:44.67+01:00")]
    public void Beats_take_the_record_date_and_cross_midnight(string start, string clock, string expected)
    {
        Assert.True(AppleValues.TryParseDate(start, TimeZoneInfo.Utc, out var recordStart));

        var beat = HrvBeatReader.BeatTime(recordStart, TimeSpan.Parse(clock, CultureInfo.InvariantCulture));

        Assert.Equal(expected, WireTime.Format(beat));
    }

    [Fact]
    public async Task Long_beat_lists_are_chunked_to_the_catalogue_series_length()
    {
        var beats = string.Concat(Enumerable.Range(0, 600).Select(i =>
            $"<InstantaneousBeatsPerMinute bpm=\"60\" time=\"{TimeSpan.FromSeconds(36_000 + i):hh\\:mm\\:ss},00\"/>"));
        var xml = Head + "<Record type=\"HKQuantityTypeIdentifierHeartRateVariabilitySDNN\" sourceName=\"W\" unit=\"ms\" startDate=\"2023-05-01 10:00:00 +0200\" endDate=\"2023-05-01 10:10:00 +0200\" value=\"50\">"
            + "<HeartRateVariabilityMetadataList>" + beats + "</HeartRateVariabilityMetadataList></Record></HealthData>";

        var records = await Importer.ReadXmlAsync(xml);

        var chunks = records.OfType("rr_intervals");
        Assert.Equal([256, 256, 88], chunks.Select(c => c.Values!.Count));
        Assert.Equal(["2023-05-01T10:00:00+02:00", "2023-05-01T10:04:16+02:00", "2023-05-01T10:08:32+02:00"], chunks.Select(c => c.Time));
        Service.AcceptAll(records);
    }
}
