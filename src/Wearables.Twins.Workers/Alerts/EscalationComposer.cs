using System.Globalization;
using System.Net;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>
/// The words a paged clinician reads (English; care teams work in one language per deployment). Always framed as a
/// screening signal, never a diagnosis; the idempotency keys make a re-sent page recognisable downstream.
/// </summary>
public static class EscalationComposer
{
    public static EmailMessage ComposeEmail(CareTeamEscalationNotice notice, string to)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var subject = Invariant($"[{notice.TeamName}] Unacknowledged {SeverityCodes.ToCode(notice.Severity)} alert: {Readable(notice.Kind)}, patient {notice.PatientId}");
        string[] paragraphs =
        [
            Invariant($"{notice.Contact.Name},"),
            Invariant($"Alert {notice.AlertId} of care team {notice.TeamName} has not been acknowledged in time. You are contact {notice.Level} of its escalation chain."),
            Invariant($"Patient: {notice.PatientId}\nSignal: {Readable(notice.Kind)}\nSeverity: {SeverityCodes.ToCode(notice.Severity)}\nOpened: {Time(notice.OpenedAt)}\nEscalated: {Time(notice.EscalatedAt)}"),
            Invariant($"Evidence: {notice.Summary}\nSuggested action: {notice.SuggestedAction}"),
            "Please acknowledge the alert in the care-team inbox, or the next contact will be paged.",
            "This is a screening signal from wearable data, not a diagnosis.",
        ];
        var text = string.Join("\n\n", paragraphs) + "\n";
        var html = "<html><body>" + string.Concat(paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>")) + "</body></html>";
        return new EmailMessage(to, subject, text, html, "en", notice.NoticeId + "/email");
    }

    public static SmsMessage ComposeSms(CareTeamEscalationNotice notice, string phoneNumber)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var text = Invariant(
            $"{notice.TeamName}: {SeverityCodes.ToCode(notice.Severity)} alert {notice.AlertId} ({Readable(notice.Kind)}, patient {notice.PatientId}) unacknowledged since {Time(notice.OpenedAt)}. You are contact {notice.Level}: please acknowledge in the inbox.");
        return new SmsMessage(phoneNumber, text, "en", notice.NoticeId + "/sms");
    }

    private static string Readable(string kind) => kind.Replace('_', ' ');

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
