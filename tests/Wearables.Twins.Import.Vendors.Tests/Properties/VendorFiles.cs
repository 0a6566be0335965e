using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Wearables.Twins.Import.Vendors.Fitbit;
using Wearables.Twins.Import.Vendors.GenericCsv;
using Wearables.Twins.Import.Vendors.Huawei;
using Wearables.Twins.Import.Vendors.OpenMHealth;
using Wearables.Twins.Import.Vendors.Xiaomi;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>A real (or fixture-made) file of one vendor, the importer that reads it, and the name and mapping it is read with.</summary>
internal sealed record VendorFile(string Name, IHealthDataImporter Importer, byte[] Bytes, CsvColumnMapping? Mapping = null)
{
    public override string ToString() => $"{Name} ({Importer.Format})";
}

/// <summary>
/// The fixtures of every vendor importer, large ones cut to their first rows (a damaged row costs the same wherever
/// it is, and the properties run hundreds of imports), plus what the fixtures become on the way: a Fitabase ZIP, a
/// Gadgetbridge database made from its SQL script, Open mHealth documents as a JSON array and as lines.
/// </summary>
internal static class VendorFiles
{
    private static readonly Lazy<VendorFile[]> Files = new(Load);

    public static VendorFile[] All => Files.Value;

    /// <summary>A Gadgetbridge database with <paramref name="script"/> run on it, as bytes.</summary>
    public static byte[] SqliteDatabase(string script)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gadgetbridge-property-{Guid.NewGuid():N}.db");
        try
        {
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = script;
                command.ExecuteNonQuery();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static VendorFile[] Load()
    {
        var huawei = new HuaweiImporter();
        var xiaomi = new XiaomiImporter();
        var fitbit = new FitbitImporter();
        var omh = new OpenMHealthImporter();
        var csv = new GenericCsvImporter();
        var documents = JsonNode.Parse(File.ReadAllText(Fixture("openmhealth", "omh-test-data-bundle.json")))!["files"]!.AsObject()
            .Select(f => f.Value!.ToJsonString()).ToList();
        return
        [
            new("HiTrack_1551732120000155173259000030001", huawei, FirstLines(Fixture("huawei", "HiTrack_1551732120000155173259000030001"), 120)),
            new("HiTrack_1_no_gps", huawei, File.ReadAllBytes(Fixture("huawei", "HiTrack_1_no_gps"))),
            new("healthkit-sample-points.json", huawei, File.ReadAllBytes(Fixture("huawei", "healthkit-sample-points.json"))),
            new("HEARTRATE_AUTO_1711900000.csv", xiaomi, File.ReadAllBytes(Fixture("xiaomi", "HEARTRATE_AUTO_1711900000.csv"))),
            new("ACTIVITY_1711900000.csv", xiaomi, File.ReadAllBytes(Fixture("xiaomi", "ACTIVITY_1711900000.csv"))),
            new("ACTIVITY_MINUTE_1711900000.csv", xiaomi, File.ReadAllBytes(Fixture("xiaomi", "ACTIVITY_MINUTE_1711900000.csv"))),
            new("SLEEP_1711900000.csv", xiaomi, File.ReadAllBytes(Fixture("xiaomi", "SLEEP_1711900000.csv"))),
            new("Gadgetbridge.db", xiaomi, SqliteDatabase(File.ReadAllText(Fixture("xiaomi", "gadgetbridge.sql")))),
            new("dailyActivity_merged.csv", fitbit, FirstLines(Fixture("fitbit", "dailyActivity_merged.csv"), 80)),
            new("hourlySteps_merged.csv", fitbit, FirstLines(Fixture("fitbit", "hourlySteps_merged.csv"), 120)),
            new("minuteStepsNarrow_merged.csv", fitbit, FirstLines(Fixture("fitbit", "minuteStepsNarrow_merged.first2880rows.csv"), 120)),
            new("heart_rate-2016-04-12.json", fitbit, File.ReadAllBytes(Fixture("fitbit", "heart_rate-2016-04-12.json"))),
            new("steps-2016-04-12.json", fitbit, File.ReadAllBytes(Fixture("fitbit", "steps-2016-04-12.json"))),
            new("fitabase.zip", fitbit, FitabaseZip()),
            new("omh-array.json", omh, Encoding.UTF8.GetBytes("[" + string.Join(",\n", documents) + "]")),
            new("omh-lines.json", omh, Encoding.UTF8.GetBytes(string.Join("\n", documents))),
            new("vitals.csv", csv, File.ReadAllBytes(Fixture("csv", "vitals.csv"))),
            new("temperatur.csv", csv, File.ReadAllBytes(Fixture("csv", "temperatur.csv")),
                new CsvColumnMapping { TimeColumn = "Zeitpunkt", ValueColumn = "Temperatur", Type = "body_temperature", Unit = "Cel", Delimiter = ';' }),
        ];
    }

    private static byte[] FirstLines(string path, int count)
        => Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(path).Take(count)) + "\n");

    private static byte[] FitabaseZip()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, lines) in new[] { ("minuteStepsNarrow_merged.csv", 60), ("hourlySteps_merged.csv", 60), ("dailyActivity_merged.csv", 40) })
            {
                var source = name.StartsWith("minute", StringComparison.Ordinal) ? "minuteStepsNarrow_merged.first2880rows.csv" : name;
                using var entry = archive.CreateEntry($"Fitabase Data 4.12.16-5.12.16/{name}").Open();
                entry.Write(FirstLines(Fixture("fitbit", source), lines));
            }
        }

        return zip.ToArray();
    }
}
