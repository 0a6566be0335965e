using Wearables.Twins.Vitals;

namespace Wearables.Twins.History.Tests;

public sealed class CannedViewTests
{
    private static readonly TimeSpan Brasilia = TimeSpan.FromHours(-3);

    [Fact]
    public async Task Canned_analyses_compute_from_the_samples_in_local_days_and_nights()
    {
        await using var lake = LakeHost.Local();
        var day = new DateTimeOffset(2026, 11, 27, 0, 0, 0, Brasilia);
        var resting = VitalCatalog.HeartRate.TryGetQualifier("resting", out var index) ? (byte)index : (byte)0;
        VitalSample[] samples =
        [
            Samples.HeartRate(day.AddHours(6), 52, resting), Samples.HeartRate(day.AddHours(6.1), 56, resting),
            Samples.HeartRate(day.AddHours(12), 110),
            Samples.SpO2(day.AddHours(23), 95), Samples.SpO2(day.AddHours(26), 87), Samples.SpO2(day.AddHours(27), 88),
            Samples.SpO2(day.AddHours(15), 80),
            Samples.Sleep(day.AddHours(23), day.AddHours(25), "light"), Samples.Sleep(day.AddHours(25), day.AddHours(26.5), "deep"),
            Samples.Sleep(day.AddHours(26.5), day.AddHours(27), "awake"), Samples.Sleep(day.AddHours(27), day.AddHours(30), "rem"),
            Samples.BloodPressure(day.AddHours(8), 150, 95), Samples.BloodPressure(day.AddHours(20), 140, 85),
            Samples.BloodPressure(day.AddHours(32), 120, 80),
        ];
        await lake.Writer.AppendAsync("p1", "w1", samples);
        await lake.Writer.FlushAsync(CancellationToken.None);

        var rhr = Assert.Single((await lake.Sql.QueryAsync("SELECT day, resting_bpm, method FROM daily_resting_heart_rate")).Rows);
        Assert.Equal([new DateOnly(2026, 11, 27), 54.0, "resting_context"], rhr);

        var spo2 = Assert.Single((await lake.Sql.QueryAsync("SELECT night, readings, dips, lowest_spo2 FROM nightly_spo2_dips")).Rows);
        Assert.Equal([new DateOnly(2026, 11, 27), 3L, 2L, 87.0], spo2);

        var sleep = Assert.Single((await lake.Sql.QueryAsync("SELECT night, asleep_minutes, deep_minutes, rem_minutes, awake_minutes FROM sleep_duration")).Rows);
        Assert.Equal([new DateOnly(2026, 11, 27), 390.0, 90.0, 180.0, 30.0], sleep.Select(v => v is decimal d ? (double)d : v));

        var bp = Assert.Single((await lake.Sql.QueryAsync("SELECT day, readings, mean_systolic, mean_diastolic FROM blood_pressure_days_above_threshold")).Rows);
        Assert.Equal([new DateOnly(2026, 11, 27), 2L, 145.0, 90.0], bp);
    }
}
