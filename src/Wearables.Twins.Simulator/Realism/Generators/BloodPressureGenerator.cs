using Wearables.Twins.Vitals;

namespace Wearables.Twins.Simulator.Realism.Generators;

/// <summary>
/// A few cuff readings a day (morning, midday, evening, each sometimes skipped, never in bed): baseline
/// pressures shaped by the body clock and activity. Each day's schedule has its own random stream.
/// </summary>
public sealed class BloodPressureGenerator : IVitalGenerator
{
    private const int Salt = 0xB10D;

    private static readonly (double Hour, double SpreadMinutes)[] Slots = [(8, 30), (13, 45), (19.5, 45)];

    private readonly PatientTimeline _timeline;
    private readonly Random _random;
    private DateTimeOffset _cursor;

    public BloodPressureGenerator(PatientTimeline timeline, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        _timeline = timeline;
        _cursor = start;
        _random = new Random(SeedMixer.Mix(timeline.Profile.Seed, Vital.Type.Id, 0x7E57));
    }

    public VitalDefinition Vital => VitalCatalog.BloodPressure;

    /// <summary>When readings are taken on <paramref name="localDate"/> (some may fall in bed and be skipped).</summary>
    public IReadOnlyList<DateTimeOffset> ReadingTimes(DateOnly localDate)
    {
        var random = new Random(SeedMixer.Mix(_timeline.Profile.Seed, Salt, localDate.DayNumber));
        var midnight = new DateTimeOffset(localDate.ToDateTime(TimeOnly.MinValue), _timeline.Profile.UtcOffset);
        var times = new List<DateTimeOffset>(Slots.Length);
        foreach (var (hour, spread) in Slots)
        {
            var minutes = (hour * 60) + Math.Clamp(random.NextGaussian(0, spread), -2 * spread, 2 * spread);
            if (random.NextDouble() < 0.85)
            {
                times.Add(midnight.AddMinutes(Math.Round(minutes)).ToUniversalTime());
            }
        }

        return times;
    }

    public void GenerateUntil(DateTimeOffset until, ICollection<GeneratedSample> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (until <= _cursor)
        {
            return;
        }

        var profile = _timeline.Profile;
        for (var date = _timeline.LocalDate(_cursor); date <= _timeline.LocalDate(until); date = date.AddDays(1))
        {
            foreach (var time in ReadingTimes(date))
            {
                if (time < _cursor || time >= until)
                {
                    continue;
                }

                var state = _timeline.StateAt(time);
                if (state.InBed)
                {
                    continue;
                }

                var systolic = Math.Round(Math.Clamp(
                    profile.Systolic + (6 * state.Circadian) + (15 * state.Activity) + _random.NextGaussian(0, 5), 90, 180));
                var diastolic = Math.Round(Math.Clamp(
                    profile.Diastolic + (3 * state.Circadian) + (5 * state.Activity) + _random.NextGaussian(0, 3.5), 50, 110));
                diastolic = Math.Min(diastolic, systolic - 20);
                output.Add(new GeneratedSample(Vital, time) { Systolic = systolic, Diastolic = diastolic });
            }
        }

        _cursor = until;
    }
}
