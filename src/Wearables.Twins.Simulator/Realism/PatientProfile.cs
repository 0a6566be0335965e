namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// The constants of one simulated patient: baselines of every vital, habits and the UTC offset of their
/// wall clock. Created reproducibly from a seed and the patient's number.
/// </summary>
public sealed record PatientProfile
{
    /// <summary>Offsets handed out in turn, so that a small fleet already spans several time zones.</summary>
    public static readonly IReadOnlyList<TimeSpan> UtcOffsets =
    [
        TimeSpan.FromHours(-3),
        TimeSpan.FromHours(1),
        new(5, 30, 0),
        TimeSpan.FromHours(-5),
        TimeSpan.FromHours(9),
        TimeSpan.Zero,
        TimeSpan.FromHours(-8),
        TimeSpan.FromHours(10),
        new(5, 45, 0),
        TimeSpan.FromHours(2),
    ];

    /// <summary>Root of every random stream of this patient.</summary>
    public required int Seed { get; init; }

    /// <summary>Offset of the patient's wall clock; all timestamps of the patient carry it.</summary>
    public required TimeSpan UtcOffset { get; init; }

    public double RestingHeartRate { get; init; } = 62;

    /// <summary>Beat-to-beat variability (SDNN-like) at rest, in milliseconds.</summary>
    public double HeartRateVariability { get; init; } = 45;

    public double OxygenSaturation { get; init; } = 97.5;

    public double RespiratoryRate { get; init; } = 14;

    public double BodyTemperature { get; init; } = 36.6;

    public double Systolic { get; init; } = 120;

    public double Diastolic { get; init; } = 78;

    public double StressBaseline { get; init; } = 30;

    /// <summary>Usual bedtime as local hours after midnight (e.g. 22.75 = 22:45).</summary>
    public double BedtimeHour { get; init; } = 22.75;

    public double SleepHours { get; init; } = 7.5;

    /// <summary>Scales the number of walks a day (1 = average).</summary>
    public double ActivityLevel { get; init; } = 1;

    /// <summary>A reproducible patient: same seed and number, same patient.</summary>
    public static PatientProfile Create(int seed, int patientNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(patientNumber);
        var patientSeed = SeedMixer.Mix(seed, patientNumber, 0x9A71);
        var random = new Random(patientSeed);
        return new PatientProfile
        {
            Seed = patientSeed,
            UtcOffset = UtcOffsets[(patientNumber + UtcOffsets.Count - 1) % UtcOffsets.Count],
            RestingHeartRate = random.NextDouble(54, 72),
            HeartRateVariability = random.NextDouble(25, 65),
            OxygenSaturation = random.NextDouble(96, 98.5),
            RespiratoryRate = random.NextDouble(12, 16),
            BodyTemperature = random.NextDouble(36.4, 36.9),
            Systolic = random.NextDouble(108, 135),
            Diastolic = random.NextDouble(68, 85),
            StressBaseline = random.NextDouble(18, 40),
            BedtimeHour = random.NextDouble(21.75, 23.5),
            SleepHours = random.NextDouble(6.5, 8.5),
            ActivityLevel = random.NextDouble(0.6, 1.4),
        };
    }
}
