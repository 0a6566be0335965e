using System.IO.Compression;
using System.Text;
using Wearables.Twins.Import.Vendors.Fitbit;
using Wearables.Twins.Import.Vendors.GenericCsv;
using Wearables.Twins.Import.Vendors.OpenMHealth;
using Wearables.Twins.Import.Vendors.Xiaomi;
using Wearables.Twins.Testing.Streams;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

/// <summary>
/// Inputs that arrive as a forward-only stream, a few bytes per read: peeking, JSON elements cut across buffer
/// refills, elements larger than the first buffer, archives that must be spooled to disk, over-long lines.
/// </summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task A_large_json_array_read_a_few_bytes_at_a_time_gives_every_element()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < 20_000; i++)
        {
            json.Append(i == 0 ? string.Empty : ",\n")
                .Append($$$"""{"dateTime":"04/12/16 {{{i / 3600 % 24:00}}}:{{{i / 60 % 60:00}}}:{{{i % 60:00}}}","value":{"bpm":{{{60 + (i % 40)}}},"confidence":2}}""");
        }

        json.Append(']');
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(json.ToString()), maxBytesPerRead: 997);

        var records = await ReadAsync(new FitbitImporter(), stream, "heart_rate-2016-04-12.json");

        Assert.True(json.Length > 1_000_000);
        Assert.Equal(20_000, records.Count);
        Assert.All(records, r => Assert.Null(r.Reason));
        Assert.Equal(60 + (19_999 % 40), records[^1].Sample!.Value);
    }

    [Fact]
    public async Task An_element_larger_than_the_first_buffer_is_still_read_whole()
    {
        var padding = new string('x', 300_000);
        var point = $$$$"""{"header":{"schema_id":{"namespace":"omh","name":"heart-rate","version":"2.0"},"note":"{{{{padding}}}}"},"body":{"heart_rate":{"value":61,"unit":"beats/min"},"effective_time_frame":{"date_time":"2024-05-01T06:00:00Z"}}}""";
        var array = $"[{point},\n{point.Replace("61", "62", StringComparison.Ordinal)}]";
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(array), maxBytesPerRead: 4093);

        var samples = (await ReadAsync(new OpenMHealthImporter(), stream, "big.json")).SamplesOf();

        Assert.Equal([61.0, 62], samples.Select(s => s.Value!.Value));
    }

    [Fact]
    public async Task A_truncated_json_array_keeps_what_came_before_and_reports_where_it_stops()
    {
        var text = File.ReadAllText(Fixture("huawei", "healthkit-sample-points.json"));
        var cut = text[..text.IndexOf("DT_CONTINUOUS_SLEEP", StringComparison.Ordinal)];
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(cut), maxBytesPerRead: 100);

        var records = await ReadAsync(new Huawei.HuaweiImporter(), stream, "cut.json");

        Assert.Equal(9, records.SamplesOf().Count);
        var last = records[^1];
        Assert.Equal(ImportReasons.UnreadableRecord, last.Reason);
        Assert.Contains("not valid JSON", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ndjson_from_a_forward_only_stream()
    {
        var line = """{"header":{"schema_id":{"namespace":"omh","name":"step-count","version":"1.0"}},"body":{"step_count":120,"effective_time_frame":{"time_interval":{"start_date_time":"2024-05-01T06:00:00Z","duration":{"value":1,"unit":"min"}}}}}""";
        var text = string.Join("\r\n", Enumerable.Repeat(line, 500));
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(text), maxBytesPerRead: 333);

        var samples = (await ReadAsync(new OpenMHealthImporter(), stream, "steps.ndjson")).SamplesOf();

        Assert.Equal(500, samples.Count);
        Assert.Equal("2024-05-01T06:01:00+00:00", samples[0].End);
    }

    [Fact]
    public async Task A_zip_and_a_database_from_a_forward_only_stream_are_spooled_to_disk()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(Fixture("fitbit", "minuteStepsNarrow_merged.first2880rows.csv"), "Fitabase/minuteStepsNarrow_merged.csv");
        }

        await using var zipStream = new TrickleStream(zip.ToArray(), maxBytesPerRead: 8192);
        var fromZip = await ReadAsync(new FitbitImporter(), zipStream, "fitabase.zip");
        Assert.Equal(2880, fromZip.SamplesOf().Count);

        var csv = "date,time,heartRate\n2024-05-01,08:00,70\n";
        await using var csvStream = new TrickleStream(Encoding.UTF8.GetBytes(csv), maxBytesPerRead: 3);
        Assert.Equal(70, Assert.Single((await ReadAsync(new XiaomiImporter(), csvStream, "HEARTRATE_AUTO_1.csv")).SamplesOf()).Value);
    }

    [Fact]
    public async Task An_over_long_line_is_one_rejection_and_is_not_kept_whole()
    {
        var csv = "time,type,value,unit\n2024-05-01T08:00:00Z,heart_rate,70,bpm\n2024-05-01T08:01:00Z,heart_rate,"
            + new string('7', 3_000_000) + ",bpm\n2024-05-01T08:02:00Z,heart_rate,72,bpm\n";
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(csv), maxBytesPerRead: 65536);

        var records = await ReadAsync(new GenericCsvImporter(), stream, "hr.csv");

        Assert.Equal(3, records.Count);
        Assert.Contains("longer than", Assert.Single(records.Rejected(ImportReasons.UnreadableRecord)).Detail, StringComparison.Ordinal);
        Assert.Equal([70.0, 72], records.SamplesOf().Select(s => s.Value!.Value));
    }
}
