using Microsoft.Extensions.Options;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Messaging.Recommendations;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Workers.Notifications.Contacts;
using Wearables.Twins.Workers.Notifications.Delivery;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Workers.Notifications;

/// <summary>
/// The notification worker: for each recommendation, honours the patient's opt-out, quiet hours and the
/// per-recipient rate limit, then emails and/or texts them in their language. Idempotent by recommendation
/// id and channel (the ledger), so a redelivered recommendation sends nothing twice.
/// </summary>
public sealed class NotificationHandler : RecommendationHandler
{
    private readonly IContactDirectory _contacts;
    private readonly NotificationLedger _ledger;
    private readonly NotificationComposer _composer;
    private readonly IEmailSender _email;
    private readonly ISmsSender _sms;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationHandler> _logger;

    public NotificationHandler(
        IContactDirectory contacts, NotificationLedger ledger, NotificationComposer composer, IEmailSender email, ISmsSender sms,
        IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contacts = contacts;
        _ledger = ledger;
        _composer = composer;
        _email = email;
        _sms = sms;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Handles one recommendation directly (the queue consumer calls this through <see cref="RecommendationHandler"/>).</summary>
    public async ValueTask<MessageOutcome> NotifyAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (recommendation.Severity < _options.MinimumSeverity
            || (recommendation.Transition == RecommendationTransition.Resolved && !_options.NotifyOnResolved))
        {
            return Skip(recommendation, "below the notification threshold");
        }

        if (await _contacts.GetAsync(recommendation.PatientId, cancellationToken) is not { } contact)
        {
            return Skip(recommendation, "no contact preferences");
        }

        if (contact.OptedOut)
        {
            return Skip(recommendation, "patient opted out");
        }

        var now = _time.GetUtcNow();
        if (QuietHours.EndsAt(contact, now) is { } quietEnd)
        {
            NotificationLog.Deferred(_logger, recommendation.Id, quietEnd, "quiet hours");
            return MessageOutcome.Defer(quietEnd - now);
        }

        var language = NotificationTemplates.Normalize(contact.Language);
        DateTimeOffset? retryAt = null;
        foreach (var channel in contact.Channels.Distinct())
        {
            var (code, address) = channel == ContactChannel.Email ? ("email", contact.Email) : ("sms", contact.PhoneNumber);
            if (string.IsNullOrWhiteSpace(address) || await _ledger.WasSentAsync(recommendation.Id, code, cancellationToken))
            {
                continue;
            }

            var recipient = code + ":" + address;
            if (await _ledger.RateLimitedUntilAsync(recipient, now, _options.MaxPerRecipient, _options.RateLimitWindow, cancellationToken) is { } freeAt)
            {
                retryAt = retryAt is null || freeAt < retryAt ? freeAt : retryAt;
                continue;
            }

            if (channel == ContactChannel.Email)
            {
                await _email.SendAsync(_composer.ComposeEmail(recommendation, address, language), cancellationToken);
            }
            else
            {
                await _sms.SendAsync(_composer.ComposeSms(recommendation, address, language), cancellationToken);
            }

            await _ledger.RecordSentAsync(recommendation.Id, code, recipient, now, cancellationToken);
            NotificationLog.Sent(_logger, code, recommendation.Id);
        }

        if (retryAt is { } at)
        {
            NotificationLog.Deferred(_logger, recommendation.Id, at, "recipient rate limit");
            return MessageOutcome.Defer(at - now);
        }

        return MessageOutcome.Done;
    }

    protected override ValueTask<MessageOutcome> HandleAsync(Recommendation recommendation, ReceivedMessage message, CancellationToken cancellationToken)
        => NotifyAsync(recommendation, cancellationToken);

    private MessageOutcome Skip(Recommendation recommendation, string reason)
    {
        NotificationLog.Skipped(_logger, recommendation.Id, reason);
        return MessageOutcome.Done;
    }
}
