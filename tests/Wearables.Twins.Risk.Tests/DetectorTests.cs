using Wearables.Twins.Risk.Baselines;
using Wearables.Twins.Risk.Detectors;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Findings;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Tests;

public class DetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1));

    private static VitalSample At(VitalDefinition vital, int minutesAgo, double value) => VitalSample.Scalar(vital.Type, Now.AddMinutes(-minutesAgo), value);

    [Fact]
    public void Spo2_below_90_for_five_minutes_opens_a_hypoxemia_signal_but_a_single_dip_does_not()
    {
        var detector = new HypoxemiaDetector();
        var sustained = RiskInput.FromSamples(Now, [At(VitalCatalog.OxygenSaturation, 20, 96), .. Enumerable.Range(0, 7).Select(m => At(VitalCatalog.OxygenSaturation, m, 87))]);
        var dip = RiskInput.FromSamples(Now, [At(VitalCatalog.OxygenSaturation, 10, 96), At(VitalCatalog.OxygenSaturation, 1, 84)]);

        var signal = detector.Evaluate(sustained);
        Assert.Equal(RiskLevel.Medium, signal.Level);
        Assert.Contains("Screening signal", signal.Summary, StringComparison.Ordinal);
        Assert.Equal(RiskLevel.None, detector.Evaluate(dip).Level);
    }

    [Fact]
    public void Scale_2_patients_get_lower_hypoxemia_thresholds()
    {
        var input = RiskInput.FromSamples(Now, Enumerable.Range(0, 7).Select(m => At(VitalCatalog.OxygenSaturation, m, 88))) with
        {
            Flags = new ClinicalFlags { UseSpo2Scale2 = true },
        };
        Assert.Equal(RiskLevel.None, new HypoxemiaDetector().Evaluate(input).Level);
    }

    [Theory]
    [InlineData(37.9, RiskLevel.None, true)]
    [InlineData(38.0, RiskLevel.Low, true)]
    [InlineData(39.2, RiskLevel.Medium, true)]
    [InlineData(40.1, RiskLevel.High, true)]
    [InlineData(37.4, RiskLevel.None, false)]
    public void Fever_levels_and_close_threshold(double celsius, RiskLevel level, bool persisting)
    {
        var signal = new FeverDetector().Evaluate(RiskInput.FromSamples(Now, [At(VitalCatalog.BodyTemperature, 30, celsius)]));
        Assert.Equal((level, persisting), (signal.Level, signal.Persisting));
    }

    [Fact]
    public void A_crisis_reading_is_medium_until_a_repeat_within_30_minutes_confirms_it()
    {
        var detector = new HypertensiveReadingDetector();
        VitalSample Bp(int minutesAgo, double s, double d) => new(VitalCatalog.BloodPressure.Type, Now.AddMinutes(-minutesAgo), null, s, d, []);
        Assert.Equal(RiskLevel.Medium, detector.Evaluate(RiskInput.FromSamples(Now, [Bp(5, 190, 100)])).Level);
        Assert.Equal(RiskLevel.High, detector.Evaluate(RiskInput.FromSamples(Now, [Bp(10, 185, 125), Bp(2, 192, 118)])).Level);
        Assert.Equal(RiskLevel.Low, detector.Evaluate(RiskInput.FromSamples(Now, [Bp(600, 146, 88), Bp(60, 142, 92)])).Level);
        Assert.Equal(RiskLevel.None, detector.Evaluate(RiskInput.FromSamples(Now, [Bp(600, 134, 84), Bp(60, 132, 82)])).Level);
    }

    [Fact]
    public void Resting_heart_rate_above_the_personal_baseline_for_days_raises_the_cusum()
    {
        var baselines = new PersonalBaselines();
        var today = PersonalBaselines.DayOf(Now);
        var random = new Random(3);
        for (var day = today - 40; day <= today; day++)
        {
            var elevated = day > today - 4;
            for (var i = 0; i < 10; i++)
            {
                baselines[BaselineMetric.RestingHeartRate].Add(day, 0, (elevated ? 70 : 60) + (random.NextDouble() * 2));
            }
        }

        var signal = new RestingHeartRateElevationDetector().Evaluate(new RiskInput { Now = Now, Baselines = baselines });
        Assert.True(signal.Level >= RiskLevel.Low, signal.Summary);
        Assert.NotNull(signal.Baseline);
        Assert.InRange(signal.Baseline!.Median, 60, 62);
    }

    [Fact]
    public void Without_enough_baseline_the_elevation_detector_says_so_and_never_opens()
    {
        var signal = new RestingHeartRateElevationDetector().Evaluate(new RiskInput { Now = Now });
        Assert.Equal(RiskLevel.None, signal.Level);
        Assert.True(signal.Persisting);
        Assert.Contains("not ready", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Heart_rate_counts_as_resting_only_after_ten_still_minutes()
    {
        VitalSample Steps(int minutesAgo, double count) => new(VitalCatalog.Steps.Type, Now.AddMinutes(-minutesAgo), Now.AddMinutes(-minutesAgo + 5), count, double.NaN, []);
        var still = new[] { Steps(20, 0), Steps(15, 0), Steps(10, 0), Steps(5, 0) };
        var walked = new[] { Steps(20, 0), Steps(15, 0), Steps(10, 400), Steps(5, 0) };
        var hr = At(VitalCatalog.HeartRate, 0, 64);
        Assert.True(Rhythm.RestingHeartRate.IsAtRest(hr, still));
        Assert.False(Rhythm.RestingHeartRate.IsAtRest(hr, walked));
        Assert.False(Rhythm.RestingHeartRate.IsAtRest(hr with { Qualifier = 2 }, still));
    }
}
