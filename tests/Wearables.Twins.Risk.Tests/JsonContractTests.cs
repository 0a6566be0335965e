using System.Text.Json;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Model;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Tests;

public class JsonContractTests
{
    [Fact]
    public void A_risk_input_with_series_NaN_and_baselines_survives_the_wire()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));
        var input = RiskInput.FromSamples(now,
        [
            new VitalSample(VitalCatalog.RrIntervals.Type, now.AddMinutes(-5), null, double.NaN, double.NaN, [800, 810, 790]),
            VitalSample.Scalar(VitalCatalog.HeartRate.Type, now.AddMinutes(-1), 70) with { Qualifier = 1 },
        ]);
        input.Baselines.Observe([VitalSample.Scalar(VitalCatalog.StressScore.Type, now, 30)], []);

        var json = JsonSerializer.Serialize(input, RiskModelJsonContext.Default.RiskInput);
        var copy = JsonSerializer.Deserialize(json, RiskModelJsonContext.Default.RiskInput)!;

        Assert.Equal([800.0, 810, 790], copy.RrIntervals.Single().Series.ToArray());
        Assert.Equal(1, copy.HeartRate.Single().Qualifier);
        Assert.Equal(now, copy.Now);
        Assert.Equal(30, copy.Baselines[Baselines.BaselineMetric.StressScore].CurrentSums[0]);
        var (original, wired) = (new RiskEngine().Evaluate(input), new RiskEngine().Evaluate(copy));
        Assert.Equal(original.News2.Missing.ToArray(), wired.News2.Missing.ToArray());
        Assert.Equal(original.Signals.Select(s => (s.Kind, s.Level, s.Summary)), wired.Signals.Select(s => (s.Kind, s.Level, s.Summary)));
    }
}
