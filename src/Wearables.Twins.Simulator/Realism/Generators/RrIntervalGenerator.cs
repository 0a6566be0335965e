using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// Beat-to-beat (RR) intervals in 30-second batches, derived beat by beat from the heart rate: the mean
/// interval is 60000/bpm, modulated by breathing (respiratory sinus arrhythmia) and noise whose size is the
/// patient's variability, smaller while walking. A batch is emitted once its 30 seconds are over, with
/// the time of its first beat.
/// </summary>
public sealed class RrIntervalGenerator(PatientTimeline timeline, DateTimeOffset start, HeartRateGenerator heartRate)
    : PeriodicVitalGenerator(VitalCatalog.RrIntervals, timeline, start, DefaultPeriod)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(30);

    public const double Shortest = 300;
    public const double Longest = 2000;

    protected override bool CoversPeriod => true;

    protected override GeneratedSample? Create(in PhysiologicalState state)
    {
        var variability = Profile.HeartRateVariability * (1 - (0.7 * state.Activity)) * (state.Stage == SleepStage.Deep ? 1.2 : 1);
        var breathSeconds = 60 / Profile.RespiratoryRate;
        var end = state.Time + Period;
        var values = new List<double>(64);
        for (var beat = state.Time; beat < end && values.Count < Vital.MaxSeriesLength;)
        {
            var bpm = heartRate.RateAt(beat);
            if (double.IsNaN(bpm))
            {
                return null;
            }

            var phase = 2 * Math.PI * (beat.ToUnixTimeMilliseconds() / 1000.0) / breathSeconds;
            var interval = (60_000 / bpm) + (0.8 * variability * Math.Sin(phase)) + Random.NextGaussian(0, 0.5 * variability);
            interval = Math.Round(Math.Clamp(interval, Shortest, Longest));
            values.Add(interval);
            beat = beat.AddMilliseconds(interval);
        }

        return new GeneratedSample(Vital, state.Time) { Values = values };
    }
}
