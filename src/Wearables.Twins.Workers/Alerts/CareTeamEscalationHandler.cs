using Wearables.Twins.CareTeams;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Workers.Notifications.Delivery;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>
/// Pages the contact an escalation notice names, by email and by SMS when they have those. The notice carries all it
/// needs, so this never calls a grain. Idempotent by notice id and channel (the delivery ledger), so a redelivered
/// notice pages nobody twice. No quiet hours and no rate limit: an escalation is the point at which someone must look.
/// </summary>
public sealed class CareTeamEscalationHandler : IMessageHandler
{
    private readonly NotificationLedger _ledger;
    private readonly IEmailSender _email;
    private readonly ISmsSender _sms;
    private readonly TimeProvider _time;
    private readonly ILogger<CareTeamEscalationHandler> _logger;

    public CareTeamEscalationHandler(
        NotificationLedger ledger, IEmailSender email, ISmsSender sms, TimeProvider time, ILogger<CareTeamEscalationHandler> logger)
    {
        _ledger = ledger;
        _email = email;
        _sms = sms;
        _time = time;
        _logger = logger;
    }

    public ValueTask<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
        => PageAsync(CareTeamEscalationMessages.Read(message), cancellationToken);

    /// <summary>Pages one notice directly (the queue consumer calls this through <see cref="HandleAsync"/>).</summary>
    public async ValueTask<MessageOutcome> PageAsync(CareTeamEscalationNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var contact = notice.Contact;
        if (string.IsNullOrWhiteSpace(contact.Email) && string.IsNullOrWhiteSpace(contact.Phone))
        {
            CareTeamAlertLog.Unreachable(_logger, notice.NoticeId, contact.Id);
            return MessageOutcome.Done;
        }

        if (!string.IsNullOrWhiteSpace(contact.Email) && !await _ledger.WasSentAsync(notice.NoticeId, "email", cancellationToken))
        {
            await _email.SendAsync(EscalationComposer.ComposeEmail(notice, contact.Email), cancellationToken);
            await _ledger.RecordSentAsync(notice.NoticeId, "email", "email:" + contact.Email, _time.GetUtcNow(), cancellationToken);
            CareTeamAlertLog.Paged(_logger, contact.Id, "email", notice.NoticeId);
        }

        if (!string.IsNullOrWhiteSpace(contact.Phone) && !await _ledger.WasSentAsync(notice.NoticeId, "sms", cancellationToken))
        {
            await _sms.SendAsync(EscalationComposer.ComposeSms(notice, contact.Phone), cancellationToken);
            await _ledger.RecordSentAsync(notice.NoticeId, "sms", "sms:" + contact.Phone, _time.GetUtcNow(), cancellationToken);
            CareTeamAlertLog.Paged(_logger, contact.Id, "sms", notice.NoticeId);
        }

        return MessageOutcome.Done;
    }
}
