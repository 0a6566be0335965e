using Wearables.Twins.Vitals;

namespace Wearables.Twins.Import.Apple.Tests;

/// <summary>The public fr_FR fixture from github.com/jdecool/healthkit-parser (MIT).</summary>
public sealed class JdecoolFixtureTests
{
    [Fact]
    public async Task Exporter_xml_gives_eight_samples_and_six_unsupported_types_in_file_order()
    {
        var records = await Fixtures.ReadAsync("exporter.xml");

        Assert.Equal(14, records.Count);
        Assert.Equal(
            ["steps", "resting_heart_rate", "hrv_sdnn", "rr_intervals", "heart_rate", "distance", "body_weight", "active_energy"],
            records.Samples().Select(s => s.Type));

        var rejections = records.Rejections();
        Assert.All(rejections, r => Assert.Equal(ImportReasons.UnsupportedRecordType, r.Reason));
        Assert.Equal(
            [
                "Line 122: HKQuantityTypeIdentifierWalkingHeartRateAverage has no counterpart in the vitals catalogue.",
                "Line 123: HKQuantityTypeIdentifierVO2Max has no counterpart in the vitals catalogue.",
                "Line 128: HKQuantityTypeIdentifierHeight has no counterpart in the vitals catalogue.",
                "Line 137: HKQuantityTypeIdentifierFlightsClimbed has no counterpart in the vitals catalogue.",
                "Line 143: HKQuantityTypeIdentifierBasalEnergyBurned has no counterpart in the vitals catalogue.",
                "Line 144: HKQuantityTypeIdentifierAppleExerciseTime has no counterpart in the vitals catalogue.",
            ],
            rejections.Select(r => r.Detail));
        Service.AcceptAll(records);
    }

    [Fact]
    public async Task Values_units_times_and_offsets_are_kept()
    {
        var records = await Fixtures.ReadAsync("exporter.xml");

        var steps = Assert.Single(records.OfType("steps"));
        Assert.Equal(("2016-07-11T21:58:42+01:00", "2016-07-11T21:59:05+01:00", 14.0, "{steps}"), (steps.Time, steps.End, steps.Value, steps.Unit));

        var resting = Assert.Single(records.OfType("resting_heart_rate"));
        Assert.Equal(("2018-11-30T06:13:30+01:00", 49.0, "/min"), (resting.Time, resting.Value, resting.Unit));
        Assert.Null(resting.End);

        var heartRate = Assert.Single(records.OfType("heart_rate"));
        Assert.Equal(("2018-11-16T13:28:45+01:00", 90.0, "/min"), (heartRate.Time, heartRate.Value, heartRate.Unit));
        Assert.Null(heartRate.Context); // motion context 0 = not set

        var hrv = Assert.Single(records.OfType("hrv_sdnn"));
        Assert.Equal(("2018-11-19T08:33:39+01:00", 25.5526, "ms"), (hrv.Time, hrv.Value, hrv.Unit));

        var distance = Assert.Single(records.OfType("distance"));
        Assert.Equal((6.8552, "km", "2019-01-11T13:13:54+01:00"), (distance.Value, distance.Unit, distance.End));
        Assert.Equal(6855.2, Service.Accept(distance).Value, 6);

        var weight = Assert.Single(records.OfType("body_weight"));
        Assert.Equal((83.0, "kg"), (weight.Value, weight.Unit));

        var energy = Assert.Single(records.OfType("active_energy"));
        Assert.Equal((0.058, "kcal", "2018-10-28T02:30:13+01:00", "2018-11-09T13:18:27+01:00"), (energy.Value, energy.Unit, energy.Time, energy.End));
    }

    [Fact]
    public async Task The_no_break_space_in_the_source_name_becomes_a_space()
    {
        var records = await Fixtures.ReadAsync("exporter.xml");

        Assert.Equal("Apple Watch", Assert.Single(records, r => r.Sample?.Type == "heart_rate").Source);
        Assert.Equal("iPhone", Assert.Single(records, r => r.Sample?.Type == "steps").Source);
        Assert.Equal(
            ["Apple Watch", "Bar", "Foo", "iPhone"],
            records.Select(r => r.Source!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_single_beat_with_a_decimal_comma_time_becomes_one_rr_interval()
    {
        var records = await Fixtures.ReadAsync("exporter.xml");

        var rr = Assert.Single(records.OfType("rr_intervals"));
        Assert.Equal("2018-11-19T08:33:44.67+01:00", rr.Time);
        Assert.Equal([769.2], rr.Values!); // 60000 / 78 bpm
        Assert.Equal("ms", rr.Unit);
    }

    [Fact]
    public async Task Hrv_record_with_27_beats_gives_sdnn_and_27_rr_intervals()
    {
        var records = await Fixtures.ReadAsync("hrv_sdnn_record_with_27_beats.xml");

        Assert.Equal(2, records.Count);
        Assert.Empty(records.Rejections());
        var sdnn = Assert.Single(records.OfType("hrv_sdnn"));
        Assert.Equal(25.5526, sdnn.Value);
        Assert.Equal("Apple Watch", records[0].Source);

        var rr = Assert.Single(records.OfType("rr_intervals"));
        Assert.Equal("2018-11-19T08:33:44.67+01:00", rr.Time);
        Assert.Equal(27, rr.Values!.Count);
        Assert.Equal(769.2, rr.Values[0]);  // 78 bpm
        Assert.Equal(845.1, rr.Values[1]);  // 71 bpm
        Assert.Equal(750.0, rr.Values[2]);  // 80 bpm
        Assert.Equal(779.2, rr.Values[26]); // 77 bpm
        Assert.Equal(60_000.0 / 73, rr.Values[15], 1);

        var accepted = Service.Accept(rr);
        Assert.Equal(VitalCatalog.RrIntervals.Type, accepted.Type);
        Assert.Equal(27, accepted.Series.Length);
        Service.AcceptAll(records);
    }
}
