using System.Collections.Immutable;

namespace Wearables.Twins.Risk.News2;

/// <summary>Scores a set of observations on the NEWS2 chart; missing parameters are listed, not guessed.</summary>
public static class News2Calculator
{
    private static readonly News2Parameter[] Order =
    [
        News2Parameter.RespirationRate, News2Parameter.OxygenSaturation, News2Parameter.AirOrOxygen,
        News2Parameter.SystolicBloodPressure, News2Parameter.Pulse, News2Parameter.Consciousness, News2Parameter.Temperature,
    ];

    public static News2Result Calculate(News2Observations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var scores = ImmutableArray.CreateBuilder<News2ParameterScore>(Order.Length);
        var missing = ImmutableArray.CreateBuilder<News2Parameter>();
        var onOxygen = observations.AirOrOxygen is { Value: >= 0.5 };
        var aggregate = 0;
        foreach (var parameter in Order)
        {
            if (observations.Get(parameter) is not { } reading || double.IsNaN(reading.Value))
            {
                missing.Add(parameter);
                continue;
            }

            var score = Score(parameter, reading.Value, observations.UseScale2, onOxygen);
            aggregate += score;
            scores.Add(new News2ParameterScore(parameter, ChartedValue(parameter, reading.Value), score, reading.Source, reading.Time));
        }

        var anyThree = scores.Any(s => s.Score == 3);
        return new News2Result(aggregate, News2Chart.Band(aggregate, anyThree), scores.ToImmutable(), missing.ToImmutable(), observations.UseScale2);
    }

    private static int Score(News2Parameter parameter, double value, bool scale2, bool onOxygen) => parameter switch
    {
        News2Parameter.RespirationRate => News2Chart.RespirationRate(value),
        News2Parameter.OxygenSaturation => scale2 ? News2Chart.OxygenSaturationScale2(value, onOxygen) : News2Chart.OxygenSaturationScale1(value),
        News2Parameter.AirOrOxygen => News2Chart.AirOrOxygen(value >= 0.5),
        News2Parameter.SystolicBloodPressure => News2Chart.SystolicBloodPressure(value),
        News2Parameter.Pulse => News2Chart.Pulse(value),
        News2Parameter.Consciousness => News2Chart.Consciousness(value >= 0.5),
        News2Parameter.Temperature => News2Chart.Temperature(value),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    private static double ChartedValue(News2Parameter parameter, double value) => parameter switch
    {
        News2Parameter.Temperature => News2Chart.OneDecimal(value) / 10.0,
        News2Parameter.AirOrOxygen or News2Parameter.Consciousness => value >= 0.5 ? 1 : 0,
        _ => News2Chart.Whole(value),
    };
}
