using Wearables.Twins.Workers.Notifications.Contacts;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>Quiet hours in the patient's own time zone (they may run over midnight, e.g. 22:00–07:00).</summary>
public static class QuietHours
{
    /// <summary>When the quiet period containing <paramref name="now"/> ends, or null when the patient may be contacted now.</summary>
    public static DateTimeOffset? EndsAt(ContactPreferences preferences, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.QuietHoursStart is not { } start || preferences.QuietHoursEnd is not { } end
            || !TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone, out var zone))
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = start < end ? time >= start && time < end : time >= start || time < end;
        if (!quiet)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.DateTime);
        if (time >= end && start > end)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(end);
        while (zone.IsInvalidTime(endLocal))
        {
            // The end falls in a daylight-saving gap: the first valid minute after it.
            endLocal = endLocal.AddMinutes(1);
        }

        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal));
    }
}
