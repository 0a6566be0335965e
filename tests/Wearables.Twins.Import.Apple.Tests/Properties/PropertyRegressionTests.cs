namespace Wearables.Twins.Import.Apple.Tests.Properties;

/// <summary>The shrunk counter-examples the properties found, pinned: each used to end the whole import with an exception.</summary>
public sealed class PropertyRegressionTests
{
    [Fact]
    public async Task A_local_date_that_its_zone_moves_off_the_calendar_is_one_unreadable_record()
    {
        var xml = "<HealthData>\n<Record type=\"HKQuantityTypeIdentifierHeartRate\" unit=\"count/min\" startDate=\"0001-01-01 00:00:00\" endDate=\"0001-01-01 00:00:00\" value=\"70\"/>\n"
            + "<Record type=\"HKQuantityTypeIdentifierHeartRate\" unit=\"count/min\" startDate=\"2023-05-01 10:00:00\" endDate=\"2023-05-01 10:00:00\" value=\"71\"/>\n</HealthData>";
        var zone = TimeZoneInfo.CreateCustomTimeZone("east", TimeSpan.FromHours(2.25), "east", "east");

        var outcome = await ImportOutcome.RunAsync(Fixtures.Utf8(xml), seekable: true, new ImportContext { LocalTimeZone = zone });

        Assert.Null(outcome.Failure);
        Assert.Equal([ImportReasons.UnreadableRecord, null], outcome.Records.Select(r => r.Reason));
        Assert.Equal("2023-05-01T10:00:00+02:15", outcome.Records[1].Sample?.Time);
    }

    [Fact]
    public async Task An_ecg_whose_sample_rate_puts_its_end_past_the_calendar_is_one_unreadable_record()
    {
        var csv = "Recorded Date,2020-04-26 13:23:40 -0300\nClassification,Sinus Rhythm\nSample Rate,0,0000000000001 hertz\nUnit,µV\n\n12\n-7\n";
        var zip = Fixtures.Zip(("apple_health_export/electrocardiograms/ecg_2020-04-26.csv", Fixtures.Utf8(csv)));

        var outcome = await ImportOutcome.RunAsync(zip.ToArray(), seekable: true);

        Assert.Null(outcome.Failure);
        var record = Assert.Single(outcome.Records);
        Assert.Equal(ImportReasons.UnreadableRecord, record.Reason);
        Assert.Contains("past the year 9999", record.Detail, StringComparison.Ordinal);
    }
}
