using Microsoft.Data.Sqlite;
using Wearables.Twins.Import.Vendors.Xiaomi;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class XiaomiImporterTests
{
    private static readonly TimeZoneInfo Paris = Zone("Europe/Paris");
    private readonly XiaomiImporter _importer = new();

    [Fact]
    public async Task Zepp_heart_rate_local_times_take_the_offset_in_force_across_daylight_saving_changes()
    {
        var records = await ReadFileAsync(_importer, Fixture("xiaomi", "HEARTRATE_AUTO_1711900000.csv"), Paris);

        var samples = records.SamplesOf();
        Assert.Equal(
            [
                "2024-03-31T01:50:00+01:00", "2024-03-31T01:55:00+01:00", // winter time
                "2024-03-31T03:00:00+02:00", "2024-03-31T03:10:00+02:00", // 02:00 became 03:00: summer time
                "2024-10-27T02:30:00+02:00", // the repeated hour: read as its first occurrence
                "2024-10-27T03:30:00+01:00", // back to winter time
            ],
            samples.Select(s => s.Time!));
        Assert.Equal(TimeSpan.FromMinutes(5), samples[2].Time() - samples[1].Time()); // 01:55 winter to 03:00 summer time
        Assert.Equal([61.0, 63, 58, 60, 55, 57], samples.Select(s => s.Value!.Value));
        var none = Assert.Single(records.Rejected(VendorImportReasons.NoMeasurement));
        Assert.StartsWith("line 5:", none.Detail, StringComparison.Ordinal);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Zepp_daily_activity_is_steps_and_distance_over_the_local_day()
    {
        var records = await ReadFileAsync(_importer, Fixture("xiaomi", "ACTIVITY_1711900000.csv"), Paris);

        var samples = records.SamplesOf();
        Assert.Equal(6, samples.Count);
        var steps = samples.Where(s => s.Type == "steps").ToList();
        Assert.Equal([8123.0, 4012, 0], steps.Select(s => s.Value!.Value));
        Assert.Equal([5900.0, 2950, 0], samples.Where(s => s.Type == "distance").Select(s => s.Value!.Value));

        // 2024-03-31 in Paris lasts 23 hours.
        Assert.Equal("2024-03-31T00:00:00+01:00", steps[1].Time);
        Assert.Equal("2024-04-01T00:00:00+02:00", steps[1].End);
        Assert.Equal(TimeSpan.FromHours(23), steps[1].End() - steps[1].Time());
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Zepp_minute_steps_last_one_elapsed_minute()
    {
        var records = await ReadFileAsync(_importer, Fixture("xiaomi", "ACTIVITY_MINUTE_1711900000.csv"), Paris);

        var samples = records.SamplesOf();
        Assert.Equal(86, samples.Sum(s => s.Value));
        Assert.Equal("2024-03-31T01:59:00+01:00", samples[1].Time);
        Assert.Equal("2024-03-31T02:00:00+01:00", samples[1].End);
        Assert.Equal("2024-03-31T03:00:00+02:00", samples[2].Time);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Zepp_sleep_nights_become_in_bed_intervals_and_empty_nights_are_no_measurement()
    {
        var records = await ReadFileAsync(_importer, Fixture("xiaomi", "SLEEP_1711900000.csv"), Paris);

        var samples = records.SamplesOf();
        Assert.Equal(2, samples.Count);
        Assert.All(samples, s => Assert.Equal("in_bed", s.Stage));
        Assert.Equal("2024-03-29T23:40:00+01:00", samples[0].Time);
        Assert.Equal("2024-03-30T06:10:00+01:00", samples[0].End);
        Assert.Equal("2024-04-01T07:20:00+02:00", samples[1].End);
        Assert.Single(records.Rejected(VendorImportReasons.NoMeasurement));
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Zepp_corrupted_row_in_the_middle_is_one_rejection()
    {
        const string Csv = "date,time,heartRate\n2024-05-01,08:00,70\n2024-05-01,08:0\u00ff,7x\n\"2024-05-01,08:10,72\n2024-05-01,08:15,73\n";

        var records = await ReadTextAsync(_importer, Csv, "HEARTRATE_AUTO_1.csv");

        Assert.Equal(2, records.Rejected(ImportReasons.UnreadableRecord).Count);
        Assert.Equal([70.0, 73], records.SamplesOf().Select(s => s.Value!.Value));
    }

    [Fact]
    public async Task Gadgetbridge_database_heart_rate_and_steps_per_minute_with_no_reading_rows_rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"Gadgetbridge-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = await File.ReadAllTextAsync(Fixture("xiaomi", "gadgetbridge.sql"));
                await command.ExecuteNonQueryAsync();
            }

            var head = new byte[4096];
            await using (var file = File.OpenRead(path))
            {
                var read = await file.ReadAsync(head);
                Assert.True(_importer.CanRead("Gadgetbridge.db", head.AsSpan(0, read)));
            }

            var records = await ReadFileAsync(_importer, path, Paris);

            // 8 rows: each gives a heart rate (or a rejection for 0 / 255) and a step count.
            Assert.Equal(16, records.Count);
            var samples = records.SamplesOf();
            Assert.Equal([72.0, 101, 98, 77, 75], samples.Where(s => s.Type == "heart_rate").Select(s => s.Value!.Value));
            Assert.Equal(303, samples.Where(s => s.Type == "steps").Sum(s => s.Value));
            var noReading = records.Rejected(VendorImportReasons.NoMeasurement);
            Assert.Equal(3, noReading.Count);
            Assert.Contains(noReading, r => r.Detail!.Contains("HEART_RATE 255", StringComparison.Ordinal));
            Assert.Contains(noReading, r => r.Detail!.Contains("HEART_RATE 0", StringComparison.Ordinal));
            Assert.All(records, r => Assert.Equal("Mi Band 3", r.Source));
            Assert.Equal("2024-05-01T08:00:00+02:00", samples[0].Time);
            AssertAllAccepted(samples);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
