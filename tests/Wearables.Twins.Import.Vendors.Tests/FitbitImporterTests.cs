using System.IO.Compression;
using Wearables.Twins.Import.Vendors.Fitbit;
using Wearables.Twins.Telemetry.Wire;
using static Wearables.Twins.Import.Vendors.Tests.Support;

namespace Wearables.Twins.Import.Vendors.Tests;

public sealed class FitbitImporterTests
{
    private const string Participant = "1503960366";
    private readonly FitbitImporter _importer = new();

    [Fact]
    public async Task Minute_steps_of_each_hour_add_up_to_the_hourly_file()
    {
        var minutes = (await ReadFileAsync(_importer, Fixture("fitbit", "minuteStepsNarrow_merged.first2880rows.csv"))).SamplesOf();
        var hours = (await ReadFileAsync(_importer, Fixture("fitbit", "hourlySteps_merged.csv"))).SamplesOf();

        Assert.Equal(2880, minutes.Count);
        Assert.Equal(23893, minutes.Sum(s => s.Value));
        var minuteSums = minutes.GroupBy(s => s.Time().AddMinutes(-s.Time().Minute)).ToDictionary(g => g.Key, g => g.Sum(s => s.Value!.Value));
        Assert.Equal(48, minuteSums.Count);
        foreach (var (hour, sum) in minuteSums)
        {
            var hourly = Assert.Single(hours, s => s.Time() == hour);
            Assert.Equal(hourly.Value, sum);
            Assert.Equal(TimeSpan.FromHours(1), hourly.End() - hourly.Time());
        }

        // 4/12/2016 8:00:00 AM: 250 steps in hourlySteps, and the same in the minutes of that hour.
        Assert.Equal(250, minuteSums[new DateTimeOffset(2016, 4, 12, 8, 0, 0, TimeSpan.Zero)]);
        AssertAllAccepted(minutes);
        AssertAllAccepted(hours);
    }

    [Fact]
    public async Task A_multi_participant_file_imports_the_first_participant_only()
    {
        var records = await ReadFileAsync(_importer, Fixture("fitbit", "hourlySteps_merged.csv"), Zone("America/Chicago"));

        Assert.Equal(22099, records.Count);
        var samples = records.SamplesOf();
        Assert.Equal(717, samples.Count);
        Assert.All(records.Where(r => r.Sample is not null), r => Assert.Equal($"Fitabase participant {Participant}", r.Source));
        Assert.Equal(22099 - 717, records.Rejected(VendorImportReasons.OtherParticipant).Count);

        // Local times get the offset of the import's zone: 4/12/2016 12:00:00 AM in Chicago is CDT.
        Assert.Equal("2016-04-12T00:00:00-05:00", samples[0].Time);
        Assert.Equal("2016-04-12T01:00:00-05:00", samples[0].End);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Daily_activity_alone_is_imported_as_steps_and_distance_over_each_local_day()
    {
        var records = await ReadFileAsync(_importer, Fixture("fitbit", "dailyActivity_merged.csv"));

        var samples = records.SamplesOf();
        var steps = samples.Where(s => s.Type == "steps").ToList();
        Assert.Equal(31, steps.Count);
        Assert.Equal(31, samples.Count(s => s.Type == "distance"));
        Assert.Equal(13162, steps[0].Value);
        Assert.Equal("2016-04-12T00:00:00+00:00", steps[0].Time);
        Assert.Equal("2016-04-13T00:00:00+00:00", steps[0].End);
        var distance = samples.First(s => s.Type == "distance");
        Assert.Equal((8.5, "km"), (distance.Value!.Value, distance.Unit));
        Assert.Equal(940 - 31, records.Rejected(VendorImportReasons.OtherParticipant).Count);
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task In_a_zip_the_finest_granularity_wins_and_no_day_is_counted_twice()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "dailyActivity_merged.csv", "hourlySteps_merged.csv", "minuteStepsNarrow_merged.first2880rows.csv" })
            {
                archive.CreateEntryFromFile(Fixture("fitbit", name), $"Fitabase Data 4.12.16-5.12.16/{name}");
            }

            archive.CreateEntry("Fitabase Data 4.12.16-5.12.16/sleepDay_merged.csv");
        }

        zip.Position = 0;
        Assert.True(_importer.CanRead("fitabase.zip", zip.ToArray().AsSpan(0, 4096)));
        var records = await ReadAsync(_importer, zip, "fitabase.zip");

        var samples = records.SamplesOf();
        var steps = samples.Where(s => s.Type == "steps").ToList();
        var superseded = records.Rejected(VendorImportReasons.SupersededByFinerData);
        Assert.Equal(2880, steps.Count(s => s.End() - s.Time() == TimeSpan.FromMinutes(1)));
        Assert.Equal(717 - 48, steps.Count(s => s.End() - s.Time() == TimeSpan.FromHours(1)));
        Assert.Equal(48 + 30, superseded.Count);

        // Only 5/12/2016 has no hourly or minute data: its daily total is the one imported.
        var daily = Assert.Single(steps, s => s.End() - s.Time() == TimeSpan.FromDays(1));
        Assert.Equal("2016-05-12T00:00:00+00:00", daily.Time);
        Assert.Equal(31, samples.Count(s => s.Type == "distance"));
        Assert.Single(records.Rejected(ImportReasons.UnsupportedRecordType));

        // 4/12/2016 counts its minutes once: 13 158 (the daily file's 13 162 is left out, the hourly rows too).
        Assert.Equal(13158, StepsOn(steps, new DateOnly(2016, 4, 12)));
        Assert.Equal(10735, StepsOn(steps, new DateOnly(2016, 4, 13)));
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task Account_export_json_heart_rate_and_steps()
    {
        var zone = Zone("America/Los_Angeles");
        var heart = await ReadFileAsync(_importer, Fixture("fitbit", "heart_rate-2016-04-12.json"), zone);
        var steps = await ReadFileAsync(_importer, Fixture("fitbit", "steps-2016-04-12.json"), zone);

        Assert.Equal([67.0, 69, 71, 70], heart.SamplesOf().Select(s => s.Value!.Value));
        Assert.Equal("2016-04-12T07:00:05-07:00", heart.SamplesOf()[0].Time);
        Assert.Equal([12.0, 0, 35], steps.SamplesOf().Select(s => s.Value!.Value));
        Assert.Equal("2016-04-12T07:01:00-07:00", steps.SamplesOf()[0].End);
        AssertAllAccepted([.. heart.SamplesOf(), .. steps.SamplesOf()]);

        // The same bare-value shape in a file not named steps-*.json is not guessed at.
        var calories = await ReadTextAsync(_importer, File.ReadAllText(Fixture("fitbit", "steps-2016-04-12.json")), "calories-2016-04-12.json");
        Assert.Equal(3, calories.Rejected(ImportReasons.UnsupportedRecordType).Count);
    }

    [Fact]
    public async Task Local_times_across_the_spring_daylight_saving_change()
    {
        // America/New_York: 2016-03-13 02:00 EST became 03:00 EDT.
        const string Csv = "Id,ActivityMinute,Steps\n"
            + "42,3/13/2016 1:58:00 AM,10\n42,3/13/2016 1:59:00 AM,11\n42,3/13/2016 3:00:00 AM,12\n42,3/13/2016 3:01:00 AM,13\n";

        var samples = (await ReadTextAsync(_importer, Csv, "minuteStepsNarrow_merged.csv", Zone("America/New_York"))).SamplesOf();

        Assert.Equal(
            ["2016-03-13T01:58:00-05:00", "2016-03-13T01:59:00-05:00", "2016-03-13T03:00:00-04:00", "2016-03-13T03:01:00-04:00"],
            samples.Select(s => s.Time!));
        Assert.Equal(samples[1].End(), samples[2].Time());
        AssertAllAccepted(samples);
    }

    [Fact]
    public async Task A_corrupted_line_in_the_middle_of_a_real_file_is_one_rejection()
    {
        var lines = File.ReadAllLines(Fixture("fitbit", "minuteStepsNarrow_merged.first2880rows.csv"));
        lines[1440] = "1503960366,4/13/2016 11:59:00 PQ,1\u0000\u0000";

        var records = await ReadTextAsync(_importer, string.Join("\r\n", lines), "minuteStepsNarrow_merged.csv");

        var rejected = Assert.Single(records, r => r.Reason is not null);
        Assert.Equal(ImportReasons.UnreadableRecord, rejected.Reason);
        Assert.StartsWith("line 1441:", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(2879, records.SamplesOf().Count);
    }

    private static double StepsOn(List<EnvelopeSample> steps, DateOnly day)
        => steps.Where(s => DateOnly.FromDateTime(s.Time().DateTime) == day).Sum(s => s.Value!.Value);
}
