using Wearables.Twins.Risk.Detectors;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Evaluation.News2;
using Wearables.Twins.Risk.News2;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Tests;

public class News2Tests
{
    public static TheoryData<News2Parameter, double, bool, bool, int> Boundaries()
    {
        var data = new TheoryData<News2Parameter, double, bool, bool, int>();
        foreach (var b in News2ChartBoundaries.All)
        {
            data.Add(b.Parameter, b.Value, b.Scale2, b.OnOxygen, b.Score);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Every_chart_boundary_scores_as_the_RCP_chart(News2Parameter parameter, double value, bool scale2, bool onOxygen, int expected)
        => Assert.Equal(expected, News2ChartBoundaries.Score(parameter, value, scale2, onOxygen));

    [Theory]
    [InlineData(35.04, 3)]
    [InlineData(35.05, 1)]
    [InlineData(38.04, 0)]
    [InlineData(38.05, 1)]
    public void Temperature_is_rounded_to_one_decimal_as_charted(double celsius, int expected)
        => Assert.Equal(expected, News2Chart.Temperature(celsius));

    [Theory]
    [InlineData(0, false, News2Band.Low)]
    [InlineData(4, false, News2Band.Low)]
    [InlineData(3, true, News2Band.LowMedium)]
    [InlineData(4, true, News2Band.LowMedium)]
    [InlineData(5, false, News2Band.Medium)]
    [InlineData(6, true, News2Band.Medium)]
    [InlineData(7, false, News2Band.High)]
    [InlineData(20, true, News2Band.High)]
    public void Bands_follow_chart_2(int aggregate, bool anyThree, News2Band expected)
        => Assert.Equal(expected, News2Chart.Band(aggregate, anyThree));

    [Fact]
    public void The_worst_possible_observations_score_20()
    {
        var result = News2Calculator.Calculate(new News2Observations
        {
            RespirationRate = new(30), OxygenSaturation = new(85), AirOrOxygen = new(1), SystolicBloodPressure = new(80),
            Pulse = new(150), Consciousness = new(1), Temperature = new(34.5),
        });
        Assert.Equal(20, result.Aggregate);
        Assert.Equal(News2Band.High, result.Band);
        Assert.False(result.IsPartial);
    }

    [Fact]
    public void The_issue_example_scores_per_parameter_and_lists_what_is_missing()
    {
        var result = News2Calculator.Calculate(new News2Observations
        {
            RespirationRate = new(22), OxygenSaturation = new(94), SystolicBloodPressure = new(105), Pulse = new(115), Temperature = new(38.5),
        });
        Assert.Equal([2, 1, 1, 2, 1], result.Parameters.Select(p => p.Score));
        Assert.Equal(7, result.Aggregate);
        Assert.Equal(News2Band.High, result.Band);
        Assert.Equal([News2Parameter.AirOrOxygen, News2Parameter.Consciousness], result.Missing.ToArray());
    }

    [Fact]
    public void A_clinician_entered_value_wins_over_the_wearable_and_fills_what_a_wearable_cannot_sense()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var input = RiskInput.FromSamples(now,
        [
            VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, now.AddMinutes(-20), 97),
            VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, now.AddMinutes(-10), 97),
        ]) with
        {
            Observations =
            [
                new ManualObservation(News2Parameter.OxygenSaturation, 92, now.AddHours(-1)),
                new ManualObservation(News2Parameter.Consciousness, 1, now.AddHours(-2)),
                new ManualObservation(News2Parameter.AirOrOxygen, 1, now.AddHours(-13)), // stale: ignored
            ],
        };

        var observations = News2Detector.Observations(input);

        Assert.Equal(new News2Reading(92, now.AddHours(-1), News2Source.Clinician), observations.OxygenSaturation);
        Assert.Equal(1, observations.Consciousness!.Value.Value);
        Assert.Null(observations.AirOrOxygen);
    }

    [Fact]
    public void A_single_artefactual_spo2_reading_does_not_score()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var input = RiskInput.FromSamples(now, [VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, now.AddMinutes(-5), 85)]);
        Assert.Null(News2Detector.Observations(input).OxygenSaturation);
    }
}
