using System.Text;
using Wearables.Twins.Import.Vendors.Fitbit;
using Wearables.Twins.Import.Vendors.Huawei;
using Wearables.Twins.Import.Vendors.Xiaomi;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>The counter-examples the properties found, pinned: each used to end the whole import with an exception.</summary>
public sealed class PropertyRegressionTests
{
    [Fact]
    public async Task A_fitbit_entry_with_bytes_that_are_not_utf8_is_rejected_alone()
    {
        byte[] json =
        [
            .. "[{\"dateTime\":\"04/12/16 07:00:05\",\"value\":{\"bpm\":67,\"confidence\":2}},\n{\"dateTime\":\"04/12/16 07:0"u8,
            0xC3, 0x28,
            .. "0:10\",\"value\":{\"bpm\":69,\"confidence\":2}},\n{\"dateTime\":\"04/12/16 07:00:20\",\"value\":{\"bpm\":71,\"confidence\":3}}]"u8,
        ];

        var outcome = await VendorImportOutcome.RunAsync(new FitbitImporter(), json, new ImportContext { FileName = "heart_rate-2016-04-12.json" });

        Assert.Null(outcome.Failure);
        Assert.Equal([null, ImportReasons.UnreadableRecord, null], outcome.Records.Select(r => r.Reason));
        Assert.Equal([67.0, 71.0], outcome.Records.Where(r => r.Sample is not null).Select(r => r.Sample!.Value!.Value));
    }

    [Fact]
    public async Task A_health_kit_sample_point_with_a_lone_surrogate_escape_is_rejected_alone()
    {
        const string Json = """
            { "samplePoints": [
              { "dataType": "DT_INSTANTANEOUS_HEART_RATE\ud800", "startTime": 1714543200000, "endTime": 1714543200000, "fieldValues": { "bpm": 64.0 } },
              { "dataType": "DT_INSTANTANEOUS_HEART_RATE", "startTime": 1714543260000, "endTime": 1714543260000, "fieldValues": { "bpm": 66.0 } } ] }
            """;

        var outcome = await VendorImportOutcome.RunAsync(new HuaweiImporter(), Encoding.UTF8.GetBytes(Json), new ImportContext { FileName = "points.json" });

        Assert.Null(outcome.Failure);
        Assert.Equal([ImportReasons.UnreadableRecord, null], outcome.Records.Select(r => r.Reason));
    }

    [Theory]
    [InlineData("NULL")]
    [InlineData("1714543200000")]
    public async Task A_gadgetbridge_row_whose_timestamp_is_not_unix_seconds_is_rejected_alone(string timestamp)
    {
        var database = VendorFiles.SqliteDatabase($"""
            CREATE TABLE "MI_BAND_ACTIVITY_SAMPLE" ("TIMESTAMP" INTEGER, "DEVICE_ID" INTEGER, "STEPS" INTEGER, "HEART_RATE" INTEGER);
            INSERT INTO "MI_BAND_ACTIVITY_SAMPLE" VALUES ({timestamp}, 1, 10, 70), (1714543260, 1, 12, 72);
            """);

        var outcome = await VendorImportOutcome.RunAsync(new XiaomiImporter(), database, new ImportContext { FileName = "Gadgetbridge.db" });

        Assert.Null(outcome.Failure);
        var rejected = Assert.Single(outcome.Records, r => r.Sample is null);
        Assert.Equal(ImportReasons.UnreadableRecord, rejected.Reason);
        Assert.Contains("TIMESTAMP is not a time in Unix seconds", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(["heart_rate", "steps"], outcome.Records.Where(r => r.Sample is not null).Select(r => r.Sample!.Type));
    }

    [Fact]
    public async Task A_gadgetbridge_table_with_a_damaged_page_is_one_rejection_not_an_exception()
    {
        var database = VendorFiles.SqliteDatabase(
            "PRAGMA page_size = 4096; BEGIN;\nCREATE TABLE \"MI_BAND_ACTIVITY_SAMPLE\" (\"TIMESTAMP\" INTEGER, \"DEVICE_ID\" INTEGER, \"STEPS\" INTEGER, \"HEART_RATE\" INTEGER);\n"
            + string.Concat(Enumerable.Range(0, 2000).Select(i => $"INSERT INTO \"MI_BAND_ACTIVITY_SAMPLE\" VALUES ({1714543200 + (i * 60)}, 1, {i % 100}, 70);\n"))
            + "COMMIT;");

        // Page 1 is the schema, page 2 the table's root; the leaves follow: the sixth page is one of them.
        Array.Fill(database, (byte)0xA5, (5 * 4096) + 8, 256);

        var outcome = await VendorImportOutcome.RunAsync(new XiaomiImporter(), database, new ImportContext { FileName = "Gadgetbridge.db" });

        Assert.Null(outcome.Failure);
        var broken = Assert.Single(outcome.Records, r => r.Sample is null);
        Assert.Equal(ImportReasons.UnreadableRecord, broken.Reason);
        Assert.Contains("malformed", broken.Detail, StringComparison.Ordinal);
    }
}
