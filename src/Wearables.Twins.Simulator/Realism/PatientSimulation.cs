using Wearables.Twins.Simulator.Realism.Generators;

namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Every vital of one patient, advanced together through simulated time. Not thread-safe: one simulation
/// belongs to one device loop.
/// </summary>
public sealed class PatientSimulation
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromMinutes(1);

    private readonly IReadOnlyList<IVitalGenerator> _generators;

    public PatientSimulation(PatientProfile profile, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Timeline = new PatientTimeline(profile);
        Start = start;
        Cursor = start;
        var heartRate = new HeartRateGenerator(Timeline, start);
        _generators =
        [
            heartRate,
            new RrIntervalGenerator(Timeline, start, heartRate),
            new OxygenSaturationGenerator(Timeline, start),
            new RespiratoryRateGenerator(Timeline, start),
            new BodyTemperatureGenerator(Timeline, start),
            new BloodPressureGenerator(Timeline, start),
            new StepsGenerator(Timeline, start),
            new SleepStageGenerator(Timeline, start),
            new StressScoreGenerator(Timeline, start),
        ];
    }

    public PatientTimeline Timeline { get; }

    public PatientProfile Profile => Timeline.Profile;

    public DateTimeOffset Start { get; }

    /// <summary>Simulated time reached: everything before it has been generated.</summary>
    public DateTimeOffset Cursor { get; private set; }

    /// <summary>
    /// Generates what became due between <see cref="Cursor"/> and <paramref name="until"/>, ordered by time
    /// (then vital). No sample is later than <paramref name="until"/>.
    /// </summary>
    public IReadOnlyList<GeneratedSample> AdvanceTo(DateTimeOffset until)
    {
        if (until <= Cursor)
        {
            return [];
        }

        var samples = new List<GeneratedSample>();
        while (Cursor < until)
        {
            // Small steps keep derived vitals (RR from heart rate) within the history their source keeps.
            var step = Cursor + MaxStep < until ? Cursor + MaxStep : until;
            foreach (var generator in _generators)
            {
                generator.GenerateUntil(step, samples);
            }

            Cursor = step;
        }

        return [.. samples.OrderBy(s => s.Time).ThenBy(s => s.Vital.Type.Id)];
    }
}
