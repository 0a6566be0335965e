using Wearables.Twins.Risk.News2;

namespace Wearables.Twins.Risk.Evaluation.News2;

/// <summary>
/// Every boundary of the RCP 2017 NEWS2 chart: the last value of each band and the first of the next, with the score
/// the chart gives. Written out from the chart by hand (not derived from the code under test).
/// </summary>
public static class News2ChartBoundaries
{
    /// <summary>(parameter, value, scale 2, on oxygen, expected score).</summary>
    public static readonly IReadOnlyList<(News2Parameter Parameter, double Value, bool Scale2, bool OnOxygen, int Score)> All =
    [
        (News2Parameter.RespirationRate, 8, false, false, 3), (News2Parameter.RespirationRate, 9, false, false, 1),
        (News2Parameter.RespirationRate, 11, false, false, 1), (News2Parameter.RespirationRate, 12, false, false, 0),
        (News2Parameter.RespirationRate, 20, false, false, 0), (News2Parameter.RespirationRate, 21, false, false, 2),
        (News2Parameter.RespirationRate, 24, false, false, 2), (News2Parameter.RespirationRate, 25, false, false, 3),

        (News2Parameter.OxygenSaturation, 91, false, false, 3), (News2Parameter.OxygenSaturation, 92, false, false, 2),
        (News2Parameter.OxygenSaturation, 93, false, false, 2), (News2Parameter.OxygenSaturation, 94, false, false, 1),
        (News2Parameter.OxygenSaturation, 95, false, false, 1), (News2Parameter.OxygenSaturation, 96, false, false, 0),
        (News2Parameter.OxygenSaturation, 96, false, true, 0),

        (News2Parameter.OxygenSaturation, 83, true, false, 3), (News2Parameter.OxygenSaturation, 84, true, false, 2),
        (News2Parameter.OxygenSaturation, 85, true, false, 2), (News2Parameter.OxygenSaturation, 86, true, false, 1),
        (News2Parameter.OxygenSaturation, 87, true, false, 1), (News2Parameter.OxygenSaturation, 88, true, false, 0),
        (News2Parameter.OxygenSaturation, 92, true, false, 0), (News2Parameter.OxygenSaturation, 93, true, false, 0),
        (News2Parameter.OxygenSaturation, 100, true, false, 0), (News2Parameter.OxygenSaturation, 92, true, true, 0),
        (News2Parameter.OxygenSaturation, 93, true, true, 1), (News2Parameter.OxygenSaturation, 94, true, true, 1),
        (News2Parameter.OxygenSaturation, 95, true, true, 2), (News2Parameter.OxygenSaturation, 96, true, true, 2),
        (News2Parameter.OxygenSaturation, 97, true, true, 3), (News2Parameter.OxygenSaturation, 83, true, true, 3),

        (News2Parameter.AirOrOxygen, 0, false, false, 0), (News2Parameter.AirOrOxygen, 1, false, true, 2),

        (News2Parameter.SystolicBloodPressure, 90, false, false, 3), (News2Parameter.SystolicBloodPressure, 91, false, false, 2),
        (News2Parameter.SystolicBloodPressure, 100, false, false, 2), (News2Parameter.SystolicBloodPressure, 101, false, false, 1),
        (News2Parameter.SystolicBloodPressure, 110, false, false, 1), (News2Parameter.SystolicBloodPressure, 111, false, false, 0),
        (News2Parameter.SystolicBloodPressure, 219, false, false, 0), (News2Parameter.SystolicBloodPressure, 220, false, false, 3),

        (News2Parameter.Pulse, 40, false, false, 3), (News2Parameter.Pulse, 41, false, false, 1),
        (News2Parameter.Pulse, 50, false, false, 1), (News2Parameter.Pulse, 51, false, false, 0),
        (News2Parameter.Pulse, 90, false, false, 0), (News2Parameter.Pulse, 91, false, false, 1),
        (News2Parameter.Pulse, 110, false, false, 1), (News2Parameter.Pulse, 111, false, false, 2),
        (News2Parameter.Pulse, 130, false, false, 2), (News2Parameter.Pulse, 131, false, false, 3),

        (News2Parameter.Consciousness, 0, false, false, 0), (News2Parameter.Consciousness, 1, false, false, 3),

        (News2Parameter.Temperature, 35.0, false, false, 3), (News2Parameter.Temperature, 35.1, false, false, 1),
        (News2Parameter.Temperature, 36.0, false, false, 1), (News2Parameter.Temperature, 36.1, false, false, 0),
        (News2Parameter.Temperature, 38.0, false, false, 0), (News2Parameter.Temperature, 38.1, false, false, 1),
        (News2Parameter.Temperature, 39.0, false, false, 1), (News2Parameter.Temperature, 39.1, false, false, 2),
    ];

    /// <summary>The score the calculator gives for one boundary row (the parameter alone, plus air/oxygen for SpO2 scale 2).</summary>
    public static int Score(News2Parameter parameter, double value, bool scale2, bool onOxygen)
    {
        var observations = new News2Observations { UseScale2 = scale2, AirOrOxygen = new News2Reading(onOxygen ? 1 : 0) };
        observations = parameter switch
        {
            News2Parameter.RespirationRate => observations with { RespirationRate = new News2Reading(value) },
            News2Parameter.OxygenSaturation => observations with { OxygenSaturation = new News2Reading(value) },
            News2Parameter.AirOrOxygen => observations with { AirOrOxygen = new News2Reading(value) },
            News2Parameter.SystolicBloodPressure => observations with { SystolicBloodPressure = new News2Reading(value) },
            News2Parameter.Pulse => observations with { Pulse = new News2Reading(value) },
            News2Parameter.Consciousness => observations with { Consciousness = new News2Reading(value) },
            News2Parameter.Temperature => observations with { Temperature = new News2Reading(value) },
            _ => observations,
        };
        return News2Calculator.Calculate(observations).Parameters.Single(p => p.Parameter == parameter).Score;
    }

    public static int CountCorrect() => All.Count(b => Score(b.Parameter, b.Value, b.Scale2, b.OnOxygen) == b.Score);
}
