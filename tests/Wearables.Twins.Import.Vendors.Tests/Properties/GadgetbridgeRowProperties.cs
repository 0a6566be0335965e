using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Wearables.Twins.Import.Vendors.Xiaomi;
using Wearables.Twins.Ingest.Decoding;

namespace Wearables.Twins.Import.Vendors.Tests.Properties;

/// <summary>
/// Gadgetbridge databases of generated minute rows, plausible and not: a row whose TIMESTAMP is no time (NULL,
/// milliseconds, out of the calendar) is one unreadable_record; otherwise its heart rate is a sample or a
/// no_measurement / implausible_value rejection and its steps likewise, and every sample is accepted by the service.
/// </summary>
public sealed class GadgetbridgeRowProperties
{
    private const string Table = "XIAOMI_ACTIVITY_SAMPLE";

    private static readonly long Earliest = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
    private static readonly long Latest = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Property(MaxTest = 100)]
    public Property Every_row_gives_its_samples_or_its_reasons()
        => Prop.ForAll(
            Arb.From(from count in Gen.Choose(1, 25)
                     from rows in Gen.ListOf(Row(), count)
                     where rows.Where(r => r.Timestamp is not null).Select(r => r.Timestamp).Distinct().Count() == rows.Count(r => r.Timestamp is not null)
                     from quarters in Gen.Choose(-14 * 4, 14 * 4)
                     select (rows, offset: TimeSpan.FromMinutes(quarters * 15))),
            async input =>
            {
                var database = VendorFiles.SqliteDatabase(Script(input.rows));
                var zone = TimeZoneInfo.CreateCustomTimeZone("generated", input.offset, "generated", "generated");

                var outcome = await VendorImportOutcome.RunAsync(new XiaomiImporter(), database, new ImportContext { FileName = "Gadgetbridge.db", LocalTimeZone = zone });

                Assert.True(outcome.Failure is null, $"The import ended with {outcome.Failure}");
                outcome.AssertClear();
                var expected = input.rows.OrderBy(r => r.Timestamp ?? long.MinValue).SelectMany(r => Expected(r, input.offset)).ToList();
                Assert.Equal(expected, outcome.Records.Select(Describe));
                Assert.All(outcome.Records.Where(r => r.Sample is not null), r => Assert.Equal(SampleStatus.Accepted, VendorImportOutcome.Verdict(r.Sample!).Status));
            });

    private static Gen<GadgetbridgeRow> Row()
        => from timestamp in Gen.Frequency(
               (12, Gen.Choose(0, (int)((Latest - Earliest) / 60)).Select(m => (long?)(Earliest + (m * 60L)))),
               (1, Gen.Elements<long?>(null, 1_714_543_200_000, -70_000_000_000, 300_000_000_000, long.MaxValue)))
           from heartRate in Gen.Frequency(
               (8, Gen.Choose(20, 254).Select(h => (long?)h)),
               (2, Gen.Elements<long?>(null, 0, 255, -1, 400, 5, 19)))
           from steps in Gen.Frequency(
               (8, Gen.Choose(0, 200).Select(s => (long?)s)),
               (2, Gen.Elements<long?>(null, -1, 100_000, 100_001, 5_000_000)))
           select new GadgetbridgeRow(timestamp, heartRate, steps);

    private static IEnumerable<string> Expected(GadgetbridgeRow row, TimeSpan offset)
    {
        if (row.Timestamp is not { } timestamp || timestamp < -62_135_596_800 + 86_400 || timestamp > 253_402_300_799 - 86_400)
        {
            yield return ImportReasons.UnreadableRecord;
            yield break;
        }

        var time = WireTime.Format(DateTimeOffset.FromUnixTimeSeconds(timestamp).ToOffset(offset));
        var heartRate = row.HeartRate ?? 0;
        yield return heartRate is <= 0 or >= 255 ? VendorImportReasons.NoMeasurement
            : heartRate < 20 ? VendorImportReasons.ImplausibleValue
            : $"heart_rate {time} {heartRate}";
        if (row.Steps is { } steps)
        {
            yield return steps < 0 ? VendorImportReasons.NoMeasurement
                : steps > 100_000 ? VendorImportReasons.ImplausibleValue
                : $"steps {time} {steps}";
        }
    }

    private static string Describe(ImportRecord record)
        => record.Sample is { } s ? $"{s.Type} {s.Time} {s.Value?.ToString(CultureInfo.InvariantCulture)}" : record.Reason!;

    private static string Script(IEnumerable<GadgetbridgeRow> rows)
    {
        // One transaction without syncs: the database is a throwaway file, and a sync per row would dominate the run.
        var sql = new StringBuilder("PRAGMA synchronous = OFF;\nBEGIN;\n")
            .Append("CREATE TABLE \"DEVICE\" (\"_id\" INTEGER PRIMARY KEY, \"NAME\" TEXT NOT NULL, \"ALIAS\" TEXT);\n")
            .Append("INSERT INTO \"DEVICE\" VALUES (1, 'Xiaomi Smart Band 8', NULL);\n")
            .Append($"CREATE TABLE \"{Table}\" (\"TIMESTAMP\" INTEGER, \"DEVICE_ID\" INTEGER, \"RAW_KIND\" INTEGER, \"STEPS\" INTEGER, \"HEART_RATE\" INTEGER);\n");
        foreach (var row in rows)
        {
            sql.Append($"INSERT INTO \"{Table}\" VALUES ({Sql(row.Timestamp)}, 1, 1, {Sql(row.Steps)}, {Sql(row.HeartRate)});\n");
        }

        return sql.Append("COMMIT;\n").ToString();
    }

    private static string Sql(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "NULL";

    private sealed record GadgetbridgeRow(long? Timestamp, long? HeartRate, long? Steps);
}
