using Wearables.Twins.History.Writing;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Benchmarks.Lake;

/// <summary>Deterministic sample streams for the lake benchmark: 1 Hz heart rate, and a realistic mixed day.</summary>
internal static class LakeStreams
{
    public static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-3));

    /// <summary>One heart-rate sample per second over <paramref name="seconds"/>, values drifting like a real pulse.</summary>
    public static VitalSample[] HeartRate1Hz(DateTimeOffset from, int seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new VitalSample[seconds];
        var bpm = 65.0;
        for (var i = 0; i < seconds; i++)
        {
            bpm = Math.Clamp(bpm + (random.NextDouble() - 0.5) * 2, 45, 150);
            samples[i] = VitalSample.Scalar(VitalCatalog.HeartRate.Type, from.AddSeconds(i), Math.Round(bpm)) with { Source = SourceKind.Watch };
        }

        return samples;
    }

    /// <summary>
    /// One day of a typical wearable: heart rate every 5 s, SpO2 every 5 min, steps per minute, RR intervals every
    /// 5 min (~60 beats), respiratory rate every 10 min, wrist temperature hourly, 30 sleep stages, 3 blood pressures.
    /// </summary>
    public static VitalSample[] MixedDay(DateTimeOffset day, int seed)
    {
        var random = new Random(seed);
        var samples = new List<VitalSample>();
        for (var s = 0; s < 86_400; s += 5)
        {
            samples.Add(VitalSample.Scalar(VitalCatalog.HeartRate.Type, day.AddSeconds(s), 55 + random.Next(40)));
        }

        for (var m = 0; m < 1_440; m++)
        {
            var start = day.AddMinutes(m);
            samples.Add(new VitalSample(VitalCatalog.Steps.Type, start, start.AddMinutes(1), random.Next(0, 120), double.NaN, []));
            if (m % 5 == 0)
            {
                samples.Add(VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, start, 94 + random.Next(6)));
                samples.Add(new VitalSample(VitalCatalog.RrIntervals.Type, start, null, 0, double.NaN,
                    [.. Enumerable.Range(0, 60).Select(_ => (double)(780 + random.Next(80)))]));
            }

            if (m % 10 == 0)
            {
                samples.Add(VitalSample.Scalar(VitalCatalog.RespiratoryRate.Type, start, 12 + random.Next(6)));
            }

            if (m % 60 == 0)
            {
                samples.Add(VitalSample.Scalar(VitalCatalog.WristTemperatureDeviation.Type, start, Math.Round((random.NextDouble() - 0.5), 2)));
            }
        }

        for (var i = 0; i < 30; i++)
        {
            var start = day.AddHours(-2).AddMinutes(i * 16);
            samples.Add(new VitalSample(VitalCatalog.SleepStage.Type, start, start.AddMinutes(16), random.Next(0, 4), double.NaN, []));
        }

        foreach (var hour in (ReadOnlySpan<int>)[8, 14, 20])
        {
            samples.Add(new VitalSample(VitalCatalog.BloodPressure.Type, day.AddHours(hour), null, 115 + random.Next(30), 70 + random.Next(20), []));
        }

        return [.. samples];
    }

    public static List<HistoryRow> Rows(string patientId, string deviceId, IEnumerable<VitalSample> samples, DateTimeOffset ingestedAt)
        => [.. samples.Select(s => new HistoryRow(patientId, deviceId, s, ingestedAt))];
}
