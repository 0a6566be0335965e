using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>
/// A month of wearable data for one simulated person: heart rate every 5 min (sleep dip, activity bursts), 5-minute
/// step counts, one sleep interval a night, night-time SpO2 and respiration, a daily thermometer reading, weekly blood
/// pressure, hourly stress scores and a 2.5-minute resting RR tachogram every 2 hours (with HRV and occasional
/// ectopic beats). Person-level parameters and day-to-day noise vary by seed, so the cohort is not identical people.
/// </summary>
public sealed class SyntheticPatient
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1));

    private readonly Random _random;

    public SyntheticPatient(int seed, ScenarioKind kind, int days = 30)
    {
        _random = new Random(seed);
        Kind = kind;
        Days = days;
        EventDay = 18 + _random.Next(0, 6);
        RestingHr = Normal(62, 7);
        SleepHours = Normal(7.2, 0.5);
        StressLevel = Normal(30, 6);
        Samples = Generate();
    }

    public ScenarioKind Kind { get; }

    public int Days { get; }

    /// <summary>Day index of the labelled event: symptom onset for infection, the episode's day otherwise.</summary>
    public int EventDay { get; }

    /// <summary>When the labelled event starts (symptom onset for an infection).</summary>
    public DateTimeOffset EventStart => Start.AddDays(EventDay).AddHours(Kind == ScenarioKind.Hypoxemia ? 2 : 8);

    public DateTimeOffset EventEnd => Kind switch
    {
        ScenarioKind.AtrialFibrillation => EventStart.AddHours(8),
        ScenarioKind.Hypoxemia => EventStart.AddMinutes(40),
        ScenarioKind.Fever => EventStart.AddDays(2),
        ScenarioKind.Infection => EventStart.AddDays(4),
        _ => EventStart,
    };

    public double RestingHr { get; }

    public double SleepHours { get; }

    public double StressLevel { get; }

    /// <summary>All samples in time order.</summary>
    public IReadOnlyList<VitalSample> Samples { get; }

    private List<VitalSample> Generate()
    {
        var samples = new List<VitalSample>(20_000);
        var wakes = new DateTimeOffset[Days + 1];
        var sleepStarts = new DateTimeOffset[Days + 1];
        for (var day = 0; day <= Days; day++)
        {
            var hours = Math.Clamp(Normal(SleepHours, 0.6) - (Kind == ScenarioKind.Infection && day >= EventDay && day < EventDay + 3 ? 1.5 : 0), 3, 10);
            wakes[day] = Start.AddDays(day).AddHours(7 + Normal(0, 0.3));
            sleepStarts[day] = wakes[day].AddHours(-hours);
        }

        for (var day = 0; day < Days; day++)
        {
            var date = Start.AddDays(day);
            var dayRhr = RestingHr + Normal(0, 1.8) + (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0)
                + (_random.NextDouble() < 0.05 ? 4 : 0) + InfectionRise(day);
            var febrile = IsFebrile(day);
            var wake = wakes[day];
            var sleepStart = sleepStarts[day];
            samples.Add(new VitalSample(VitalCatalog.SleepStage.Type, sleepStart, wake, 5, double.NaN, []));

            for (var minute = 0; minute < 24 * 60; minute += 5)
            {
                var t = date.AddMinutes(minute);
                var asleep = t >= sleepStart && t < wake || t >= sleepStarts[day + 1];
                var active = !asleep && t.Hour is >= 8 and < 21 && _random.NextDouble() < 0.12;
                var steps = active ? _random.Next(300, 700) : asleep ? 0 : _random.NextDouble() < 0.1 ? _random.Next(5, 60) : 0;
                samples.Add(new VitalSample(VitalCatalog.Steps.Type, t, t.AddMinutes(5), steps, double.NaN, []));
                var hr = asleep ? dayRhr - 6 + Normal(0, 2) : active ? dayRhr + 35 + Normal(0, 10) : dayRhr + 4 + Normal(0, 3);
                samples.Add(VitalSample.Scalar(VitalCatalog.HeartRate.Type, t.AddMinutes(4), Math.Round(hr + (febrile ? 10 : 0))));

                var desaturating = Kind == ScenarioKind.Hypoxemia && t >= EventStart.AddMinutes(-30) && t < EventEnd;
                if (asleep && minute % 30 == 0 && !desaturating)
                {
                    var spo2 = Math.Min(100, Math.Round(Normal(96, 1.2)));
                    samples.Add(VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, t.AddMinutes(1), _random.NextDouble() < 0.02 ? 91 : spo2));
                    samples.Add(VitalSample.Scalar(VitalCatalog.RespiratoryRate.Type, t.AddMinutes(2), Math.Round(Normal(14, 1.5))));
                }

                if (minute % 60 == 0 && !asleep)
                {
                    samples.Add(VitalSample.Scalar(VitalCatalog.StressScore.Type, t.AddMinutes(3), Math.Clamp(Math.Round(Normal(StressLevel, 10)), 0, 100)));
                }

                if (minute % 120 == 60 && !active)
                {
                    var inAf = Kind == ScenarioKind.AtrialFibrillation && t >= EventStart && t < EventEnd;
                    samples.Add(Tachogram(t, asleep ? dayRhr - 6 : dayRhr + 4, inAf));
                }
            }

            foreach (var hour in febrile ? (int[])[8, 14, 20] : [8])
            {
                var temperature = febrile ? Normal(38.7, 0.3) : Normal(36.6, 0.25);
                samples.Add(VitalSample.Scalar(VitalCatalog.BodyTemperature.Type, date.AddHours(hour).AddMinutes(10), Math.Round(temperature, 1)));
            }

            if (day % 7 == 3)
            {
                samples.Add(new VitalSample(VitalCatalog.BloodPressure.Type, date.AddHours(9), null, Math.Round(Normal(118, 8)), Math.Round(Normal(76, 6)), []));
                samples.Add(new VitalSample(VitalCatalog.BloodPressure.Type, date.AddHours(9).AddMinutes(3), null, Math.Round(Normal(116, 8)), Math.Round(Normal(75, 6)), []));
            }

            if (Kind == ScenarioKind.Hypoxemia && day == EventDay)
            {
                for (var m = 0; m < 40; m++)
                {
                    samples.Add(VitalSample.Scalar(VitalCatalog.OxygenSaturation.Type, EventStart.AddMinutes(m).AddSeconds(30), Math.Round(Normal(86, 1.2))));
                }
            }
        }

        samples.Sort((a, b) => a.Time.CompareTo(b.Time));
        return samples;
    }

    private double InfectionRise(int day)
        => Kind != ScenarioKind.Infection ? 0
            : day < EventDay - 3 || day > EventDay + 4 ? 0
            : Math.Min(10, 3 * (day - EventDay + 4) + Normal(0, 1));

    private bool IsFebrile(int day)
        => Kind == ScenarioKind.Fever && day >= EventDay && day < EventDay + 2
            || Kind == ScenarioKind.Infection && day >= EventDay && day < EventDay + 3;

    private VitalSample Tachogram(DateTimeOffset time, double heartRate, bool atrialFibrillation)
    {
        var rr = new List<double>(256);
        var elapsed = 0.0;
        var mean = 60_000 / (atrialFibrillation ? Math.Max(heartRate + 25, 85) : heartRate);
        while (elapsed < 150_000 && rr.Count < 256)
        {
            double interval;
            if (atrialFibrillation)
            {
                interval = Math.Clamp(mean * (1 + Normal(0, 0.2)), 300, 1500);
            }
            else
            {
                interval = mean * (1 + (0.04 * Math.Sin(elapsed / 4000 * 2 * Math.PI)) + Normal(0, 0.015));
                if (_random.NextDouble() < 0.01)
                {
                    rr.Add(interval * 0.7); // premature beat and its compensatory pause
                    interval *= 1.3;
                }
            }

            rr.Add(Math.Round(interval));
            elapsed += interval;
        }

        return new VitalSample(VitalCatalog.RrIntervals.Type, time, null, double.NaN, double.NaN, [.. rr]);
    }

    private double Normal(double mean, double sd)
    {
        // Box–Muller.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return mean + (sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }
}
