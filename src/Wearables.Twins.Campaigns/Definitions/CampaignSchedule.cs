using System.Globalization;

namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// When a campaign runs: exactly one of <see cref="EveryHours"/> (slots at multiples of N hours since 1970-01-01
/// 00:00 UTC, so every 6 hours is 00, 06, 12 and 18 UTC) or <see cref="DailyAtUtc"/> ("HH:mm", UTC). A campaign is
/// due when a slot has passed since it was created and since its last scheduled run; slots missed while the service
/// was down are caught up by one run, not many.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignSchedule")]
public sealed record CampaignSchedule(
    [property: Id(0)] int? EveryHours = null,
    [property: Id(1)] string? DailyAtUtc = null)
{
    public const int MaxEveryHours = 24 * 30;

    /// <summary>Parses <see cref="DailyAtUtc"/>; false when it is absent or not HH:mm.</summary>
    public bool TryGetDailyTime(out TimeOnly time)
    {
        time = default;
        return DailyAtUtc is { } text
            && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>The latest slot at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LatestSlot(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        if (EveryHours is { } hours and > 0)
        {
            var period = TimeSpan.FromHours(hours).Ticks;
            var sinceEpoch = utc.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
            return DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - (sinceEpoch % period));
        }

        if (TryGetDailyTime(out var at))
        {
            var today = new DateTimeOffset(DateOnly.FromDateTime(utc.UtcDateTime).ToDateTime(at), TimeSpan.Zero);
            return today <= utc ? today : today.AddDays(-1);
        }

        throw new InvalidOperationException("The schedule has neither everyHours nor dailyAtUtc; validate definitions first.");
    }

    /// <summary>The first slot strictly after <paramref name="time"/>.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset time)
        => EveryHours is { } hours and > 0
            ? LatestSlot(time).AddHours(hours)
            : LatestSlot(time).AddDays(1);
}
