using System.Text.Json;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>
/// Maps escalation notices to and from messages: message id = notice id, kind <see cref="Kind"/>, severity attribute
/// <see cref="Severity"/>. That severity is none of the recommendation severities, so queues that filter on those
/// (notifications, campaigns' findings, care-team alerts) never receive a notice.
/// </summary>
public static class CareTeamEscalationMessages
{
    public const string Kind = "care_team_escalation";

    public const string Severity = "care_team";

    public static OutgoingMessage ToMessage(CareTeamEscalationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new OutgoingMessage(notice.NoticeId, Kind, Severity,
            JsonSerializer.Serialize(notice, AlertsJsonContext.Default.CareTeamEscalationNotice));
    }

    /// <summary>Reads the notice in a message body.</summary>
    /// <exception cref="InvalidEscalationMessageException">The body is not a notice (a poison message: it will end in the dead-letter queue).</exception>
    public static CareTeamEscalationNotice Read(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        CareTeamEscalationNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(message.Body, AlertsJsonContext.Default.CareTeamEscalationNotice);
        }
        catch (JsonException ex)
        {
            throw new InvalidEscalationMessageException($"Message {message.MessageId} on queue {message.Queue} is not an escalation notice: {ex.Message}", ex);
        }

        if (notice is null || string.IsNullOrWhiteSpace(notice.NoticeId) || string.IsNullOrWhiteSpace(notice.AlertId)
            || notice.Contact is null || string.IsNullOrWhiteSpace(notice.Contact.Id))
        {
            throw new InvalidEscalationMessageException($"Message {message.MessageId} on queue {message.Queue} lacks a notice id, alert or contact.");
        }

        return notice;
    }
}
