using System.Globalization;
using Wearables.Twins.Import.Garmin.Fit;

namespace Wearables.Twins.Import.Garmin.Tests;

/// <summary>
/// The two Garmin Fenix 5 files from python-fitparse, against their reference CSV conversions and, for what the
/// CSVs lack (calories, beat intervals), against a decode by Garmin's own FIT SDK (see Fixtures/README.md).
/// </summary>
public sealed class RealFileTests
{
    public static TheoryData<string> Files => ["garmin-fenix-5-run", "garmin-fenix-5-walk"];

    /// <summary>What Garmin's FIT SDK read from each file (the CSVs do not have it).</summary>
    private static readonly Dictionary<string, SdkDecode> Sdk = new()
    {
        ["garmin-fenix-5-run"] = new(Messages: 125, Calories: 5, DurationSeconds: 75, Beats: 113, BeatsSum: 75005, FirstBeat: 1093, LastBeat: 599),
        ["garmin-fenix-5-walk"] = new(Messages: 99, Calories: 4, DurationSeconds: 51, Beats: 62, BeatsSum: 49592, FirstBeat: 824, LastBeat: 836),
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Heart_rate_equals_the_reference_csv_record_by_record(string name)
    {
        var expected = ReadCsv(name);
        var records = await ImportHarness.ReadAllAsync(ImportHarness.Fixture(name + ".fit"));

        var heartRates = records.Samples("heart_rate");
        Assert.Equal(expected.Count, heartRates.Count);
        Assert.Equal(expected[0].Time, heartRates[0].Time);
        Assert.Equal(expected[0].HeartRate, heartRates[0].Value);
        Assert.Equal(expected[^1].Time, heartRates[^1].Time);
        Assert.Equal(expected[^1].HeartRate, heartRates[^1].Value);
        Assert.Equal(expected.Select(e => (e.Time, (double?)e.HeartRate)), heartRates.Select(s => (s.Time!, s.Value)));
        Assert.All(heartRates, s =>
        {
            Assert.Equal("/min", s.Unit);
            Assert.Equal("active", s.Context);
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Session_totals_equal_the_reference(string name)
    {
        var (_, calories, durationSeconds, _, _, _, _) = Sdk[name];
        var expected = ReadCsv(name);
        var records = await ImportHarness.ReadAllAsync(ImportHarness.Fixture(name + ".fit"));

        var start = expected[0].Time;
        var end = WireTime.Format(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture).AddSeconds(durationSeconds));
        var distance = Assert.Single(records.Samples("distance"));
        Assert.Equal(expected[^1].Distance, distance.Value);
        Assert.Equal("m", distance.Unit);
        Assert.Equal(start, distance.Time);
        Assert.Equal(end, distance.End);

        var energy = Assert.Single(records.Samples("active_energy"));
        Assert.Equal(calories, energy.Value);
        Assert.Equal("kcal", energy.Unit);
        Assert.Equal(start, energy.Time);
        Assert.Equal(end, energy.End);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Beat_intervals_equal_the_garmin_sdk_decode(string name)
    {
        var (_, _, _, beats, sum, first, last) = Sdk[name];
        var records = await ImportHarness.ReadAllAsync(ImportHarness.Fixture(name + ".fit"));

        var series = Assert.Single(records.Samples("rr_intervals"));
        Assert.Equal("ms", series.Unit);
        Assert.Equal(beats, series.Values!.Count);
        Assert.Equal(sum, series.Values.Sum());
        Assert.Equal(first, series.Values[0]);
        Assert.Equal(last, series.Values[^1]);

        // The beats start with the activity timer, which is the first record's time.
        Assert.Equal(ReadCsv(name)[0].Time, series.Time);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_crc_is_valid_nothing_is_rejected_and_every_sample_is_accepted_by_ingest(string name)
    {
        var file = ImportHarness.Fixture(name + ".fit");
        Assert.Equal(0, FitCrc.Compute(file));
        Assert.Equal(0, FitFileBuilder.Crc(file));

        var reader = new FitReader(new MemoryStream(file));
        var messages = 0;
        FitItem item;
        while ((item = await reader.ReadAsync()) != FitItem.End)
        {
            Assert.NotEqual(FitItem.Problem, item);
            messages += item == FitItem.Message ? 1 : 0;
        }

        Assert.True(reader.CrcValid);
        Assert.Equal(1, reader.Files);
        Assert.Equal(file.Length, reader.Position);
        Assert.Equal(Sdk[name].Messages, messages); // every data message the SDK decoded

        var records = await ImportHarness.ReadAllAsync(file);
        Assert.Empty(records.Rejections());
        Assert.All(records, r => Assert.Equal("garmin fenix5", r.Source));
        ImportHarness.AssertAllAccepted(records.Samples());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_stream_that_cannot_seek_takes_the_offset_of_the_context_zone(string name)
    {
        var expected = ReadCsv(name);
        var file = ImportHarness.Fixture(name + ".fit");
        var pacific = new ImportContext { LocalTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles") };

        var forwardOnly = await ImportHarness.ReadAllAsync(file, pacific, seekable: false);
        var heartRates = forwardOnly.Samples("heart_rate");
        Assert.Equal(expected.Select(e => e.Time), heartRates.Select(s => s.Time));
        Assert.All(heartRates, s => Assert.Equal("active", s.Context)); // records of an activity file
        Assert.Equal(
            (await ImportHarness.ReadAllAsync(file)).Samples().Select(s => (s.Type, s.Time, s.End, s.Value)),
            forwardOnly.Samples().Select(s => (s.Type, s.Time, s.End, s.Value)));

        var utc = await ImportHarness.ReadAllAsync(file, new ImportContext(), seekable: false);
        var firstUtc = utc.Samples("heart_rate")[0].Time!;
        Assert.EndsWith("+00:00", firstUtc, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse(expected[0].Time, CultureInfo.InvariantCulture), DateTimeOffset.Parse(firstUtc, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CanRead_recognises_the_fit_signature()
    {
        var importer = new GarminFitImporter();
        var file = ImportHarness.Fixture("garmin-fenix-5-run.fit");
        Assert.Equal("garmin", importer.Format);
        Assert.True(importer.CanRead("garmin-fenix-5-run.fit", file.AsSpan(0, Math.Min(file.Length, 4096))));
        Assert.True(importer.CanRead("upload.bin", file.AsSpan(0, 12)));
        Assert.False(importer.CanRead("run.fit", file.AsSpan(0, 11)));
        Assert.False(importer.CanRead("records.fit", ImportHarness.Fixture("garmin-fenix-5-run-records.csv")));
    }

    private sealed record SdkDecode(int Messages, int Calories, double DurationSeconds, int Beats, double BeatsSum, double FirstBeat, double LastBeat);

    /// <summary>The CSV's records: wire time (PDT is UTC−7), heart rate and cumulative distance.</summary>
    private static List<(string Time, double HeartRate, double Distance)> ReadCsv(string name)
    {
        var rows = new List<(string, double, double)>();
        foreach (var line in File.ReadLines(Path.Combine(ImportHarness.FixtureDirectory, name + "-records.csv")).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            Assert.Contains(" PDT ", cells[0], StringComparison.Ordinal);
            var local = DateTime.ParseExact(cells[0].Replace(" PDT ", " ", StringComparison.Ordinal), "ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
            var time = new DateTimeOffset(local, TimeSpan.FromHours(-7));
            rows.Add((WireTime.Format(time), double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[4], CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
