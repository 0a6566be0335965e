namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Plans the night that starts on a local date: bedtime and length vary around the patient's habits, the
/// stages come from <see cref="SleepArchitecture"/>. Each night has its own random stream, so a night is
/// the same whichever order nights are asked for in.
/// </summary>
public sealed class SleepPlanner(PatientProfile profile)
{
    private const int Salt = 0x51EE;

    public SleepNight NightStarting(DateOnly localDate)
    {
        var random = new Random(SeedMixer.Mix(profile.Seed, Salt, localDate.DayNumber));
        var bedHours = profile.BedtimeHour + Math.Clamp(random.NextGaussian(0, 0.35), -1.25, 1.25);
        var localMidnight = new DateTimeOffset(localDate.ToDateTime(TimeOnly.MinValue), profile.UtcOffset);
        var bedtime = localMidnight.AddMinutes(Math.Round(bedHours * 60)).ToUniversalTime();
        var hours = Math.Clamp(profile.SleepHours + random.NextGaussian(0, 0.5), 5, 10);
        var getUp = bedtime.AddMinutes(Math.Round(hours * 60));
        return SleepArchitecture.Build(random, bedtime, getUp);
    }
}
