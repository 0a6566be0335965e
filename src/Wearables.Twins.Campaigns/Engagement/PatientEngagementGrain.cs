using System.Collections.Immutable;

namespace Wearables.Twins.Campaigns.Engagement;

/// <inheritdoc cref="IPatientEngagementGrain"/>
/// <remarks>
/// Writes happen only when something a patient or a message depends on changes: a consent, an opt-out, a queued,
/// delivered or cancelled message. A skip is not written (asking again gives the same or a fresher answer), so runs
/// over patients who never consented cost no storage writes.
/// </remarks>
public sealed class PatientEngagementGrain(
    [PersistentState("engagement", Catalog.CampaignStorage.Name)] IPersistentState<EngagementState> state) : Grain, IPatientEngagementGrain
{
    private static readonly TimeSpan CapWindow = TimeSpan.FromDays(7);

    private EngagementState State => state.State;

    public async ValueTask<EngagementView> SetConsentAsync(bool granted, string source, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        State.Consent = new ConsentRecord(granted, at, source);
        if (granted)
        {
            // A later explicit consent is the patient's newer word: it lifts an earlier "no campaigns at all".
            State.OptedOutOfAllAt = null;
        }

        Audit(granted ? "consent_granted" : "consent_withdrawn", null, at, source);
        await state.WriteStateAsync();
        return View();
    }

    public async ValueTask<EngagementView> OptOutAsync(string? campaignId, string source, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (campaignId is null)
        {
            State.OptedOutOfAllAt = at;
            Audit("opted_out_all", null, at, source);
        }
        else
        {
            if (!State.CampaignOptOuts.ContainsKey(campaignId) && State.CampaignOptOuts.Count >= EngagementState.CampaignCapacity)
            {
                // Never forget an opt-out to make room: widen it to every campaign instead.
                State.OptedOutOfAllAt = at;
            }
            else
            {
                State.CampaignOptOuts[campaignId] = at;
            }

            Audit("opted_out", campaignId, at, source);
        }

        await state.WriteStateAsync();
        return View();
    }

    public ValueTask<EngagementView> GetAsync() => ValueTask.FromResult(View());

    public async ValueTask<EnrolmentDecision> DecideAsync(CampaignOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        State.Campaigns.TryGetValue(offer.CampaignId, out var campaign);
        if (campaign is not null && campaign.LastRunId == offer.RunId && campaign.LastMessageId is { } alreadyDecided
            && Find(alreadyDecided) is not { Cancelled: true })
        {
            return EnrolmentDecision.SendAs(alreadyDecided);
        }

        if (IsOptedOut(offer.CampaignId) || offer.Contact == ContactState.OptedOut)
        {
            return EnrolmentDecision.Skip(SkipReasons.OptedOut);
        }

        if (!HasConsent(offer.RequireExplicitConsent))
        {
            return EnrolmentDecision.Skip(SkipReasons.NoConsent);
        }

        if (offer.Contact == ContactState.Missing)
        {
            return EnrolmentDecision.Skip(SkipReasons.NoContact);
        }

        if (campaign?.LastMessagedAt is { } last && offer.MinDaysBetweenMessages > 0
            && offer.Now - last < TimeSpan.FromDays(offer.MinDaysBetweenMessages))
        {
            return EnrolmentDecision.Skip(SkipReasons.Capped);
        }

        var since = offer.Now - CapWindow;
        if (State.Messages.Count(m => !m.Cancelled && m.QueuedAt > since) >= offer.MaxMessagesPer7Days)
        {
            return EnrolmentDecision.Skip(SkipReasons.Capped);
        }

        if (campaign is null)
        {
            campaign = new CampaignEngagement();
            State.Campaigns[offer.CampaignId] = campaign;
        }

        State.Messages.Add(new MessageRecord
        {
            MessageId = offer.MessageId,
            CampaignId = offer.CampaignId,
            QueuedAt = offer.Now,
            PreviousMessagedAt = campaign.LastMessagedAt,
        });
        campaign.LastMessagedAt = offer.Now;
        campaign.LastRunId = offer.RunId;
        campaign.LastMessageId = offer.MessageId;
        Prune(offer.Now);
        await state.WriteStateAsync();
        return EnrolmentDecision.SendAs(offer.MessageId);
    }

    public async ValueTask<DeliveryPermit> BeginDeliveryAsync(string campaignId, string messageId, bool requireExplicitConsent)
    {
        var message = Find(messageId);
        if (message?.DeliveredAt is not null)
        {
            return DeliveryPermit.AlreadySent;
        }

        if (message is { Cancelled: true })
        {
            return DeliveryPermit.Cancelled;
        }

        var refusal = IsOptedOut(campaignId) ? DeliveryPermit.OptedOut
            : !HasConsent(requireExplicitConsent) ? DeliveryPermit.NoConsent
            : DeliveryPermit.Send;
        if (refusal != DeliveryPermit.Send && message is not null)
        {
            Cancel(message);
            await state.WriteStateAsync();
        }

        return refusal;
    }

    public async ValueTask<bool> CompleteDeliveryAsync(string campaignId, string messageId, DateTimeOffset at)
    {
        var message = Find(messageId);
        if (message?.DeliveredAt is not null)
        {
            return false;
        }

        if (message is null)
        {
            // Queued before an erasure or beyond the record's retention: remember it now so a redelivery is recognised.
            message = new MessageRecord { MessageId = messageId, CampaignId = campaignId, QueuedAt = at };
            State.Messages.Add(message);
        }

        message.DeliveredAt = at;
        message.Cancelled = false;
        Prune(at);
        await state.WriteStateAsync();
        return true;
    }

    public async ValueTask CancelMessageAsync(string messageId)
    {
        if (Find(messageId) is { DeliveredAt: null, Cancelled: false } message)
        {
            Cancel(message);
            await state.WriteStateAsync();
        }
    }

    public async ValueTask EraseAsync()
    {
        await state.ClearStateAsync();
        state.State = new EngagementState();
    }

    private bool IsOptedOut(string campaignId) => State.OptedOutOfAllAt is not null || State.CampaignOptOuts.ContainsKey(campaignId);

    private bool HasConsent(bool requireExplicitConsent)
        => State.Consent is { } consent ? consent.Granted : !requireExplicitConsent;

    private MessageRecord? Find(string messageId)
    {
        foreach (var message in State.Messages)
        {
            if (string.Equals(message.MessageId, messageId, StringComparison.Ordinal))
            {
                return message;
            }
        }

        return null;
    }

    private void Cancel(MessageRecord message)
    {
        message.Cancelled = true;
        if (State.Campaigns.TryGetValue(message.CampaignId, out var campaign)
            && string.Equals(campaign.LastMessageId, message.MessageId, StringComparison.Ordinal))
        {
            // The cap is given back: the campaign may message the patient again on its next run.
            campaign.LastMessagedAt = message.PreviousMessagedAt;
            campaign.LastMessageId = null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        var cutoff = now - EngagementState.MessageRetention;
        State.Messages.RemoveAll(m => m.QueuedAt < cutoff);
        if (State.Messages.Count > EngagementState.MessageCapacity)
        {
            State.Messages.RemoveRange(0, State.Messages.Count - EngagementState.MessageCapacity);
        }

        if (State.Campaigns.Count > EngagementState.CampaignCapacity)
        {
            var stalest = State.Campaigns.MinBy(c => c.Value.LastMessagedAt ?? DateTimeOffset.MinValue).Key;
            State.Campaigns.Remove(stalest);
        }
    }

    private void Audit(string kind, string? campaignId, DateTimeOffset at, string source)
    {
        State.History.Add(new ConsentEvent(kind, campaignId, at, source));
        if (State.History.Count > EngagementState.HistoryCapacity)
        {
            State.History.RemoveAt(0);
        }
    }

    private EngagementView View() => new(
        this.GetPrimaryKeyString(),
        State.Consent,
        State.OptedOutOfAllAt,
        State.CampaignOptOuts.ToImmutableDictionary(StringComparer.Ordinal),
        State.Campaigns.Where(c => c.Value.LastMessagedAt is not null)
            .ToImmutableDictionary(c => c.Key, c => c.Value.LastMessagedAt!.Value, StringComparer.Ordinal),
        [.. State.History]);
}
