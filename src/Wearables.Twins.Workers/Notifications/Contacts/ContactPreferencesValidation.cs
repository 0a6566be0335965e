using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Workers.Notifications.Contacts;

/// <summary>Checks contact preferences before they are stored; every problem in one list (ready for a 400 problem+json).</summary>
public static partial class ContactPreferencesValidation
{
    public static IReadOnlyList<string> Validate(ContactPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(preferences.PatientId))
        {
            problems.Add("patientId is required.");
        }

        if (preferences.Email is { } email && !MailAddress.TryCreate(email, out _))
        {
            problems.Add("email is not a valid address.");
        }

        if (preferences.PhoneNumber is { } phone && !E164().IsMatch(phone))
        {
            problems.Add("phoneNumber must be in E.164 form, e.g. +5511912345678.");
        }

        if (preferences.Channels.Contains(ContactChannel.Email) && string.IsNullOrWhiteSpace(preferences.Email))
        {
            problems.Add("channels includes email but no email is given.");
        }

        if (preferences.Channels.Contains(ContactChannel.Sms) && string.IsNullOrWhiteSpace(preferences.PhoneNumber))
        {
            problems.Add("channels includes sms but no phoneNumber is given.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(preferences.TimeZone, out _))
        {
            problems.Add($"timeZone '{preferences.TimeZone}' is not a known IANA time zone.");
        }

        if (preferences.QuietHoursStart.HasValue != preferences.QuietHoursEnd.HasValue)
        {
            problems.Add("quietHoursStart and quietHoursEnd go together: set both or neither.");
        }
        else if (preferences.QuietHoursStart is { } start && start == preferences.QuietHoursEnd)
        {
            problems.Add("quietHoursStart and quietHoursEnd must differ.");
        }

        return problems;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
