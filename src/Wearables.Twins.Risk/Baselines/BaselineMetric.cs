namespace Wearables.Twins.Risk.Baselines;

/// <summary>The per-patient quantities that get a personal baseline.</summary>
public enum BaselineMetric
{
    /// <summary>Heart rate, hourly buckets: what is normal at 3 am differs from 3 pm.</summary>
    HeartRate = 0,

    /// <summary>Resting heart rate (steps zero for ≥ 10 min, or reported as resting by the device), one value a day.</summary>
    RestingHeartRate = 1,
    OxygenSaturation = 2,
    RespiratoryRate = 3,
    BodyTemperature = 4,
    HrvRmssd = 5,
    HrvSdnn = 6,
    StressScore = 7,

    /// <summary>Minutes asleep per night, attributed to the day the night ends.</summary>
    SleepMinutes = 8,
    Steps = 9,
    WristTemperatureDeviation = 10,
}
