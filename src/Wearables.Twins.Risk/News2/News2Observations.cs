namespace Wearables.Twins.Risk.News2;

/// <summary>
/// The inputs of one NEWS2 score; a null parameter is missing and is listed as such. Consciousness and air/oxygen use
/// 0/1 (alert/CVPU, air/oxygen). <see cref="UseScale2"/> is the clinician's decision (RCP: hypercapnic respiratory failure).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Risk.News2Observations")]
public sealed record News2Observations
{
    [Id(0)] public News2Reading? RespirationRate { get; init; }

    [Id(1)] public News2Reading? OxygenSaturation { get; init; }

    [Id(2)] public News2Reading? AirOrOxygen { get; init; }

    [Id(3)] public News2Reading? SystolicBloodPressure { get; init; }

    [Id(4)] public News2Reading? Pulse { get; init; }

    [Id(5)] public News2Reading? Consciousness { get; init; }

    [Id(6)] public News2Reading? Temperature { get; init; }

    [Id(7)] public bool UseScale2 { get; init; }

    public News2Reading? Get(News2Parameter parameter) => parameter switch
    {
        News2Parameter.RespirationRate => RespirationRate,
        News2Parameter.OxygenSaturation => OxygenSaturation,
        News2Parameter.AirOrOxygen => AirOrOxygen,
        News2Parameter.SystolicBloodPressure => SystolicBloodPressure,
        News2Parameter.Pulse => Pulse,
        News2Parameter.Consciousness => Consciousness,
        News2Parameter.Temperature => Temperature,
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };
}
