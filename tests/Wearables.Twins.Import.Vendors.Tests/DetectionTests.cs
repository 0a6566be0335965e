using System.IO.Compression;
using System.Text;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

/// <summary>Auto-detection: each file is claimed by its own importer and by no other.</summary>
public sealed class DetectionTests
{
    private static readonly IReadOnlyList<IHealthDataImporter> Importers = VendorImporters.Create();

    public static TheoryData<string, string, string?> Fixtures() => new()
    {
        { "huawei", "HiTrack_1551732120000155173259000030001", "huawei" },
        { "huawei", "HiTrack_1_no_gps", "huawei" },
        { "huawei", "healthkit-sample-points.json", "huawei" },
        { "huawei", "LICENSE-MIT-upstream.txt", null },
        { "xiaomi", "HEARTRATE_AUTO_1711900000.csv", "xiaomi" },
        { "xiaomi", "ACTIVITY_1711900000.csv", "xiaomi" },
        { "xiaomi", "ACTIVITY_MINUTE_1711900000.csv", "xiaomi" },
        { "xiaomi", "SLEEP_1711900000.csv", "xiaomi" },
        { "xiaomi", "gadgetbridge.sql", null },
        { "fitbit", "dailyActivity_merged.csv", "fitbit" },
        { "fitbit", "hourlySteps_merged.csv", "fitbit" },
        { "fitbit", "minuteStepsNarrow_merged.first2880rows.csv", "fitbit" },
        { "fitbit", "heart_rate-2016-04-12.json", "fitbit" },
        { "fitbit", "steps-2016-04-12.json", "fitbit" },
        { "openmhealth", "omh-test-data-bundle.json", null },
        { "csv", "vitals.csv", "csv" },
        { "csv", "temperatur.csv", null },
        { "csv", "README.md", null },
    };

    /// <summary>Heads of other formats' files (Apple, Garmin, FHIR, other CSVs) that none of these importers may claim.</summary>
    public static TheoryData<string, string> OtherFormats() => new()
    {
        { "export.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE HealthData [\n]>\n<HealthData locale=\"fr_FR\">\n <Record type=\"HKQuantityTypeIdentifierHeartRate\" unit=\"count/min\" value=\"72\"/>" },
        { "Observation-heart-rate.json", "{\n  \"resourceType\": \"Observation\",\n  \"id\": \"heart-rate\",\n  \"status\": \"final\",\n  \"valueQuantity\": { \"value\": 44, \"unit\": \"beats/minute\" }\n}" },
        { "garmin-fenix-5-run-records.csv", "timestamp,position_lat,position_long,distance,enhanced_speed,heart_rate,cadence\n2019-03-04 20:42:05,50.72,-3.51,0.0,0.0,105,0\n" },
        { "ecg_2024-05-01.csv", "Name,Jean\nDate of Birth,1970-01-01\nRecorded Date,2024-05-01 08:00:00 +0200\nClassification,Sinus Rhythm\n" },
        { "a103l_first60s.csv", "time,ECG_II,ECG_V,PPG\n0.000,0.12,0.05,0.80\n" },
        { "notes.txt", "Just some text, with commas, and time, value words.\n" },
        { "empty.csv", "" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Each_fixture_is_claimed_by_its_own_importer_only(string vendor, string file, string? format)
    {
        var head = await HeadAsync(Fixture(vendor, file));

        var claims = Importers.Where(i => i.CanRead(file, head)).Select(i => i.Format).ToList();

        Assert.Equal(format is null ? [] : [format], claims);
    }

    [Theory]
    [MemberData(nameof(OtherFormats))]
    public void Other_formats_are_not_claimed(string file, string content)
    {
        var claims = Importers.Where(i => i.CanRead(file, Encoding.UTF8.GetBytes(content))).Select(i => i.Format).ToList();

        Assert.Empty(claims);
    }

    [Fact]
    public void Open_mhealth_data_points_binary_formats_and_archives_are_told_apart()
    {
        var omh = """{"header":{"id":"1","schema_id":{"namespace":"omh","name":"heart-rate","version":"2.0"}},"body":{}}""";
        Assert.Equal(["omh"], Claims("points.json", Encoding.UTF8.GetBytes(omh)));
        Assert.Equal(["omh"], Claims("points.json", Encoding.UTF8.GetBytes("[\n " + omh + "]")));

        // A Garmin FIT file starts with a 14-byte header naming ".FIT".
        byte[] fit = [14, 0x10, 0x6C, 0x08, 0x00, 0x10, 0x00, 0x00, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0];
        Assert.Empty(Claims("run.fit", fit));

        // SQLite is claimed as Gadgetbridge only with a Gadgetbridge name or table; ZIPs as Fitbit only with Fitbit entries.
        var sqlite = "SQLite format 3\0"u8.ToArray().Concat(new byte[100]).ToArray();
        Assert.Empty(Claims("twins.db", sqlite));
        Assert.Equal(["xiaomi"], Claims("Gadgetbridge.db", sqlite));
        Assert.Empty(Claims("export.zip", Zip("apple_health_export/export.xml")));
        Assert.Equal(["fitbit"], Claims("takeout.zip", Zip("Takeout/Fitbit/Global Export Data/heart_rate-2016-04-12.json")));
        Assert.Equal(["fitbit"], Claims("data.zip", Zip("hourlySteps_merged.csv")));
    }

    [Fact]
    public void The_generic_csv_importer_claims_only_its_own_layout()
    {
        Assert.Equal(["csv"], Claims("v.csv", "time;value;type;unit\n"u8.ToArray()));
        Assert.Equal(["csv"], Claims("v.tsv", "Time\tValue\tType\n"u8.ToArray()));
        Assert.Empty(Claims("v.json", "time,value,type\n"u8.ToArray()));

        // Fitabase's heart rate file has Time and Value columns but names its participant: Fitbit's, not generic.
        Assert.Equal(["fitbit"], Claims("heartrate_seconds_merged.csv", "Id,Time,Value\n2022484408,4/12/2016 7:21:00 AM,97\n"u8.ToArray()));
        Assert.Equal(["xiaomi"], Claims("ACTIVITY_1.csv", "date,steps,distance,runDistance,calories\n"u8.ToArray()));
    }

    private static List<string> Claims(string file, byte[] head)
        => [.. Importers.Where(i => i.CanRead(file, head)).Select(i => i.Format)];

    private static byte[] Zip(string firstEntry)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(firstEntry).Open());
            writer.Write("[]");
        }

        return stream.ToArray();
    }

    private static async Task<byte[]> HeadAsync(string path)
    {
        var head = new byte[4096];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }
}
