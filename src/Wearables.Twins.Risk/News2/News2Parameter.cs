namespace Wearables.Twins.Risk.News2;

/// <summary>The seven physiological parameters of the NEWS2 chart (RCP 2017).</summary>
public enum News2Parameter
{
    RespirationRate = 1,
    OxygenSaturation = 2,

    /// <summary>Air (0) or supplemental oxygen (1).</summary>
    AirOrOxygen = 3,
    SystolicBloodPressure = 4,
    Pulse = 5,

    /// <summary>Alert (0) or new confusion / voice / pain / unresponsive (1).</summary>
    Consciousness = 6,
    Temperature = 7,
}
