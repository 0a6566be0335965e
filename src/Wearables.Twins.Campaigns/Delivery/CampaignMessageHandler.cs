using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Options;
using Wearables.Twins.Messaging;
using Wearables.Twins.Messaging.Consuming;
using Wearables.Twins.Workers.Notifications;
using Wearables.Twins.Workers.Notifications.Contacts;
using Wearables.Twins.Workers.Notifications.Email;
using Wearables.Twins.Workers.Notifications.Sms;

namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>
/// Delivers campaign messages: asks the patient's engagement grain first (a redelivered message that went out is not
/// sent again; an opt-out or withdrawn consent since it was queued wins), drops messages of paused campaigns and
/// patients without a reachable contact (giving their caps back), waits out quiet hours, then emails or texts the
/// patient in their language and records the delivery.
/// </summary>
public sealed class CampaignMessageHandler(
    IGrainFactory grains,
    IContactDirectory contacts,
    IEmailSender email,
    ISmsSender sms,
    IOptions<CampaignOptions> options,
    TimeProvider time,
    ILogger<CampaignMessageHandler> logger) : IMessageHandler
{
    public ValueTask<MessageOutcome> HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
        => DeliverAsync(CampaignMessageCodec.Read(message), cancellationToken);

    /// <summary>Delivers one campaign message (the queue consumer calls this through <see cref="HandleAsync"/>).</summary>
    public async ValueTask<MessageOutcome> DeliverAsync(CampaignMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var engagement = grains.GetGrain<IPatientEngagementGrain>(message.PatientId);
        var campaign = grains.GetGrain<ICampaignGrain>(message.CampaignId);
        switch (await engagement.BeginDeliveryAsync(message.CampaignId, message.MessageId, options.Value.RequireExplicitConsent))
        {
            case DeliveryPermit.AlreadySent:
            case DeliveryPermit.Cancelled:
                CampaignsLog.NotResent(logger, message.MessageId);
                return MessageOutcome.Done;
            case DeliveryPermit.OptedOut:
                return await DroppedAsync(campaign, message, SkipReasons.OptedOut);
            case DeliveryPermit.NoConsent:
                return await DroppedAsync(campaign, message, SkipReasons.NoConsent);
        }

        if (!await campaign.IsActiveAsync())
        {
            return await CancelAsync(engagement, campaign, message, SkipReasons.Paused);
        }

        var contact = await contacts.GetAsync(message.PatientId, cancellationToken);
        if (contact is { OptedOut: true })
        {
            return await CancelAsync(engagement, campaign, message, SkipReasons.OptedOut);
        }

        if (Address(contact, message.Channel) is not { } address)
        {
            return await CancelAsync(engagement, campaign, message, SkipReasons.NoContact);
        }

        var now = time.GetUtcNow();
        if (QuietHours.EndsAt(contact!, now) is { } quietEnd)
        {
            CampaignsLog.DeferredForQuietHours(logger, message.MessageId, quietEnd);
            return MessageOutcome.Defer(quietEnd - now);
        }

        if (message.Channel == CampaignChannel.Email)
        {
            await email.SendAsync(CampaignComposer.ComposeEmail(message, address, contact!.Language), cancellationToken);
        }
        else
        {
            await sms.SendAsync(CampaignComposer.ComposeSms(message, address, contact!.Language), cancellationToken);
        }

        if (await engagement.CompleteDeliveryAsync(message.CampaignId, message.MessageId, now))
        {
            await campaign.RecordDeliveredAsync();
        }

        CampaignsLog.Delivered(logger, message.CampaignId, message.MessageId);
        return MessageOutcome.Done;
    }

    /// <summary>The patient's address on the channel, when they accept that channel and gave one.</summary>
    public static string? Address(ContactPreferences? contact, CampaignChannel channel)
    {
        if (contact is null)
        {
            return null;
        }

        var (wanted, address) = channel == CampaignChannel.Email
            ? (ContactChannel.Email, contact.Email)
            : (ContactChannel.Sms, contact.PhoneNumber);
        return contact.Channels.Contains(wanted) && !string.IsNullOrWhiteSpace(address) ? address : null;
    }

    private async ValueTask<MessageOutcome> CancelAsync(
        IPatientEngagementGrain engagement, ICampaignGrain campaign, CampaignMessage message, string reason)
    {
        await engagement.CancelMessageAsync(message.MessageId);
        return await DroppedAsync(campaign, message, reason);
    }

    private async ValueTask<MessageOutcome> DroppedAsync(ICampaignGrain campaign, CampaignMessage message, string reason)
    {
        await campaign.RecordDeliveryDroppedAsync(reason);
        CampaignsLog.Dropped(logger, message.MessageId, reason);
        return MessageOutcome.Done;
    }
}
