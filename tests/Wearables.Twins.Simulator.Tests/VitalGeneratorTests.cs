using Wearables.Twins.Simulator.Realism;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Tests;

public sealed class VitalGeneratorTests
{
    public static TheoryData<int> Patients => [1, 2, 3, 7];

    [Theory]
    [MemberData(nameof(Patients))]
    public void Every_sample_over_48_hours_is_plausible_in_an_accepted_unit_with_increasing_times(int patient)
    {
        var (_, samples) = SimulatedPatient.Run(patient, TimeSpan.FromHours(48), TimeSpan.FromMinutes(5));

        Assert.NotEmpty(samples);
        foreach (var (sample, now) in samples)
        {
            var vital = sample.Vital;
            Assert.Same(vital, VitalCatalog.All.Single(v => v.Code == vital.Code));
            Assert.True(sample.LatestTime <= now, $"{vital.Code} at {sample.LatestTime:O} is ahead of the simulated now {now:O}.");
            Assert.True(sample.Time >= SimulatedPatient.Start, $"{vital.Code} at {sample.Time:O} is before the start.");
            if (vital.RequiresUnit)
            {
                Assert.NotNull(sample.Unit);
                Assert.True(vital.TryGetUnit(sample.Unit, out _), $"{sample.Unit} is not a unit of {vital.Code}.");
                Assert.Equal(vital.CanonicalUnit, sample.Unit);
            }

            switch (vital.Shape)
            {
                case VitalShape.Scalar or VitalShape.Quantity:
                    AssertPlausible(vital, sample.Value);
                    break;
                case VitalShape.Series:
                    Assert.NotNull(sample.Values);
                    Assert.InRange(sample.Values.Count, 1, vital.MaxSeriesLength);
                    Assert.All(sample.Values, v => AssertPlausible(vital, v));
                    break;
                case VitalShape.BloodPressure:
                    AssertPlausible(vital, sample.Systolic);
                    AssertPlausible(vital, sample.Diastolic);
                    Assert.True(sample.Diastolic < sample.Systolic);
                    break;
                case VitalShape.CategoryInterval:
                    Assert.NotNull(sample.Stage);
                    Assert.True(vital.TryGetCategory(sample.Stage.Value.ToWireName(), out _));
                    break;
                default:
                    Assert.Fail($"Unexpected shape {vital.Shape}.");
                    break;
            }

            if (sample.End is { } end)
            {
                Assert.True(end > sample.Time);
            }
        }

        foreach (var group in samples.GroupBy(s => s.Sample.Vital))
        {
            var times = group.Select(s => s.Sample.Time).ToList();
            for (var i = 1; i < times.Count; i++)
            {
                Assert.True(times[i] > times[i - 1], $"{group.Key.Code}: {times[i]:O} does not follow {times[i - 1]:O}.");
            }
        }

        // Every vital the simulation streams shows up in two days, and those are the ones a watch streams.
        string[] streamed = ["blood_pressure", "body_temperature", "heart_rate", "respiratory_rate", "rr_intervals", "sleep_stage", "spo2", "steps", "stress_score"];
        Assert.Equal(streamed, samples.Select(s => s.Sample.Vital.Code).Distinct().Order());
    }

    [Fact]
    public void Sample_rates_follow_each_vital()
    {
        var samples = SimulatedPatient.Run48Hours(1);
        int Count(VitalDefinition vital) => samples.Count(s => s.Vital == vital);

        Assert.Equal(48 * 720, Count(VitalCatalog.HeartRate));
        Assert.Equal(48 * 120, Count(VitalCatalog.RrIntervals));
        Assert.Equal(48 * 60, Count(VitalCatalog.OxygenSaturation));
        Assert.Equal(48 * 60, Count(VitalCatalog.RespiratoryRate));
        Assert.Equal(48 * 60, Count(VitalCatalog.Steps));
        Assert.Equal(48 * 12, Count(VitalCatalog.BodyTemperature));
        Assert.Equal(48 * 12, Count(VitalCatalog.StressScore));
        Assert.InRange(Count(VitalCatalog.BloodPressure), 2, 6);
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void Night_heart_rate_is_lower_than_in_the_afternoon(int patient)
    {
        var (simulation, samples) = SimulatedPatient.Run(patient, TimeSpan.FromHours(48), TimeSpan.FromMinutes(5));
        var heartRates = samples.Select(s => s.Sample).Where(s => s.Vital == VitalCatalog.HeartRate)
            .Select(s => (Local: simulation.Timeline.LocalTime(s.Time), Bpm: s.Value!.Value))
            .ToList();

        var night = heartRates.Where(h => h.Local.Hour is >= 1 and < 5).Select(h => h.Bpm).ToList();
        var afternoon = heartRates.Where(h => h.Local.Hour is >= 14 and < 18).Select(h => h.Bpm).ToList();

        Assert.NotEmpty(night);
        Assert.NotEmpty(afternoon);
        Assert.True(night.Average() + 5 < afternoon.Average(), $"night {night.Average():0.0} vs afternoon {afternoon.Average():0.0}");
    }

    [Fact]
    public void Temperature_follows_the_body_clock()
    {
        var (simulation, samples) = SimulatedPatient.Run(2, TimeSpan.FromHours(48), TimeSpan.FromMinutes(5));
        var temperatures = samples.Select(s => s.Sample).Where(s => s.Vital == VitalCatalog.BodyTemperature)
            .Select(s => (Local: simulation.Timeline.LocalTime(s.Time), Celsius: s.Value!.Value))
            .ToList();

        var night = temperatures.Where(t => t.Local.Hour is >= 2 and < 6).Average(t => t.Celsius);
        var afternoon = temperatures.Where(t => t.Local.Hour is >= 14 and < 18).Average(t => t.Celsius);

        Assert.True(night < afternoon, $"night {night:0.00} vs afternoon {afternoon:0.00}");
    }

    [Fact]
    public void Walking_raises_heart_rate_and_steps()
    {
        var (simulation, samples) = SimulatedPatient.Run(3, TimeSpan.FromHours(48), TimeSpan.FromMinutes(5));
        var timeline = simulation.Timeline;
        var awake = samples.Select(s => s.Sample).Where(s => timeline.SleepStageAt(s.Time) is null).ToList();

        // Heart rate lags a little behind the start of a walk, so compare from a minute into it.
        var walkingHeartRate = awake.Where(s => s.Vital == VitalCatalog.HeartRate && timeline.ActivityAt(s.Time - TimeSpan.FromMinutes(1)) > 0
            && timeline.ActivityAt(s.Time) > 0).Select(s => s.Value!.Value).ToList();
        var restingHeartRate = awake.Where(s => s.Vital == VitalCatalog.HeartRate && timeline.ActivityAt(s.Time) == 0)
            .Select(s => s.Value!.Value).ToList();
        var walkingSteps = awake.Where(s => s.Vital == VitalCatalog.Steps && timeline.ActivityAt(s.Time) > 0).Select(s => s.Value!.Value).ToList();
        var restingSteps = awake.Where(s => s.Vital == VitalCatalog.Steps && timeline.ActivityAt(s.Time) == 0).Select(s => s.Value!.Value).ToList();

        Assert.NotEmpty(walkingHeartRate);
        Assert.True(walkingHeartRate.Average() > restingHeartRate.Average() + 15);
        Assert.True(walkingSteps.Average() > 80);
        Assert.True(restingSteps.Average() < 20);
    }

    [Fact]
    public void Rr_intervals_are_derived_from_the_heart_rate()
    {
        var samples = SimulatedPatient.Run48Hours(1);
        var heartRates = samples.Where(s => s.Vital == VitalCatalog.HeartRate).ToDictionary(s => s.Time, s => s.Value!.Value);

        foreach (var rr in samples.Where(s => s.Vital == VitalCatalog.RrIntervals))
        {
            var bpm = heartRates[rr.Time];
            var expected = 60_000 / bpm;
            Assert.InRange(rr.Values!.Average(), expected * 0.8, expected * 1.2);

            // A 30-second batch holds about the beats of 30 seconds.
            Assert.InRange(rr.Values!.Sum(), 29_000, 32_000);
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void Sleep_stages_are_intervals_with_valid_names_in_a_plausible_cycle(int patient)
    {
        var samples = SimulatedPatient.Run48Hours(patient).Where(s => s.Vital == VitalCatalog.SleepStage).ToList();

        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            Assert.NotNull(sample.End);
            Assert.True(sample.End > sample.Time);
            Assert.Contains(sample.Stage!.Value.ToWireName(), VitalCatalog.SleepStage.Categories);
        }

        // Nights seen from their beginning start awake (falling asleep), then light → deep → light → REM.
        var nights = SplitIntoNights(samples).Where(n => n[0].Time > SimulatedPatient.Start && n.Count >= 5).ToList();
        Assert.NotEmpty(nights);
        foreach (var night in nights)
        {
            Assert.Equal(
                [SleepStage.Awake, SleepStage.Light, SleepStage.Deep, SleepStage.Light, SleepStage.Rem],
                night.Take(5).Select(s => s.Stage!.Value));
            for (var i = 1; i < night.Count; i++)
            {
                Assert.Equal(night[i - 1].End, night[i].Time); // Contiguous.
                Assert.NotEqual(night[i - 1].Stage, night[i].Stage);
            }
        }

        var timeline = new PatientTimeline(PatientProfile.Create(SimulatedPatient.Seed, patient));
        for (var date = new DateOnly(2026, 3, 1); date <= new DateOnly(2026, 3, 10); date = date.AddDays(1))
        {
            var planned = timeline.NightStarting(date);
            Assert.InRange((planned.End - planned.Start).TotalHours, 5, 10);
            Assert.Contains(planned.Intervals, i => i.Stage == SleepStage.Rem);
            Assert.Contains(planned.Intervals, i => i.Stage == SleepStage.Deep);
            Assert.True(timeline.LocalTime(planned.Start).Hour is >= 20 or < 2, $"bedtime {timeline.LocalTime(planned.Start)}");
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void Steps_are_zero_during_sleep(int patient)
    {
        var samples = SimulatedPatient.Run48Hours(patient);
        var sleep = samples.Where(s => s.Vital == VitalCatalog.SleepStage).ToList();
        var steps = samples.Where(s => s.Vital == VitalCatalog.Steps).ToList();

        var inBed = steps.Where(s => sleep.Any(i => s.Time < i.End && s.End > i.Time)).ToList();
        Assert.NotEmpty(inBed);
        Assert.All(inBed, s => Assert.Equal(0, s.Value));
        Assert.Contains(steps, s => s.Value > 0);
        Assert.All(steps, s => Assert.Equal(TimeSpan.FromMinutes(1), s.End - s.Time));
    }

    [Fact]
    public void A_seed_gives_the_same_vitals_whatever_the_batch_size()
    {
        static List<string> Describe(IEnumerable<GeneratedSample> samples) =>
        [
            .. samples.OrderBy(s => s.Vital.Type.Id).ThenBy(s => s.Time)
                .Select(s => $"{s.Vital.Code} {s.Time:O} {s.End:O} {s.Value} {string.Join(',', s.Values ?? [])} {s.Systolic}/{s.Diastolic} {s.Stage}"),
        ];

        var small = SimulatedPatient.Run(1, TimeSpan.FromHours(6), TimeSpan.FromSeconds(5)).Samples.Select(s => s.Sample);
        var large = SimulatedPatient.Run(1, TimeSpan.FromHours(6), TimeSpan.FromHours(1)).Samples.Select(s => s.Sample);

        Assert.Equal(Describe(small), Describe(large));
    }

    [Fact]
    public void Patients_differ_and_carry_their_own_utc_offsets()
    {
        var profiles = Enumerable.Range(1, 3).Select(n => PatientProfile.Create(SimulatedPatient.Seed, n)).ToList();

        Assert.Equal([TimeSpan.FromHours(-3), TimeSpan.FromHours(1), new TimeSpan(5, 30, 0)], profiles.Select(p => p.UtcOffset));
        Assert.Equal(3, profiles.Select(p => p.RestingHeartRate).Distinct().Count());
        Assert.Equal(profiles[0], PatientProfile.Create(SimulatedPatient.Seed, 1));
    }

    [Fact]
    public void Circadian_rhythm_peaks_in_the_afternoon_and_dips_before_dawn()
    {
        Assert.Equal(1, CircadianRhythm.Factor(new TimeOnly(16, 0)), 6);
        Assert.Equal(-1, CircadianRhythm.Factor(new TimeOnly(4, 0)), 6);
        Assert.True(CircadianRhythm.Factor(new TimeOnly(2, 0)) < CircadianRhythm.Factor(new TimeOnly(15, 0)));
    }

    [Fact]
    public void Gaussian_noise_has_the_requested_mean_and_spread()
    {
        var random = new Random(7);
        var draws = Enumerable.Range(0, 20_000).Select(_ => random.NextGaussian(10, 2)).ToList();
        var mean = draws.Average();
        var deviation = Math.Sqrt(draws.Average(d => (d - mean) * (d - mean)));

        Assert.InRange(mean, 9.95, 10.05);
        Assert.InRange(deviation, 1.95, 2.05);
    }

    private static void AssertPlausible(VitalDefinition vital, double? value)
    {
        Assert.NotNull(value);
        Assert.True(vital.IsPlausible(value.Value), $"{vital.Code} {value} is outside {vital.Min}–{vital.Max}.");
    }

    private static List<List<GeneratedSample>> SplitIntoNights(List<GeneratedSample> stages)
    {
        var nights = new List<List<GeneratedSample>>();
        foreach (var stage in stages)
        {
            if (nights.Count == 0 || nights[^1][^1].End != stage.Time)
            {
                nights.Add([]);
            }

            nights[^1].Add(stage);
        }

        return nights;
    }
}
