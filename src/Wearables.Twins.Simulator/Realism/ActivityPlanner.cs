namespace Wearables.Twins.Simulator.Realism;

/// <summary>
/// Plans the walks of one day between getting up and going to bed (never within 30 minutes of getting up
/// or an hour of bedtime). Bout boundaries fall on whole minutes.
/// </summary>
public sealed class ActivityPlanner(PatientProfile profile)
{
    private const int Salt = 0xAC71;

    public IReadOnlyList<ActivityBout> BoutsOn(DateOnly localDate, DateTimeOffset gotUp, DateTimeOffset bedtime)
    {
        var random = new Random(SeedMixer.Mix(profile.Seed, Salt, localDate.DayNumber));
        var earliest = gotUp.AddMinutes(30);
        var latest = bedtime.AddMinutes(-60);
        var window = (latest - earliest).TotalMinutes;
        if (window < 60)
        {
            return [];
        }

        var count = (int)Math.Round(profile.ActivityLevel * random.NextDouble(3, 8));
        var bouts = new List<ActivityBout>(count);
        for (var i = 0; i < count; i++)
        {
            var start = earliest.AddMinutes(Math.Floor(random.NextDouble() * window));
            var minutes = Math.Clamp(Math.Round(Math.Exp(random.NextGaussian(Math.Log(15), 0.6))), 5, 60);
            var end = start.AddMinutes(minutes);
            if (end > latest)
            {
                end = latest;
            }

            if (end > start)
            {
                bouts.Add(new ActivityBout(start, end, random.NextDouble(0.35, 1.0)));
            }
        }

        bouts.Sort((a, b) => a.Start.CompareTo(b.Start));
        return bouts;
    }
}
