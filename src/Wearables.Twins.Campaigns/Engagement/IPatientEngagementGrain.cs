namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>
/// A patient's side of campaigns (key = patient id): consent and opt-outs (LGPD / GDPR), frequency caps, and which
/// campaign messages were queued and delivered. Runs ask it before queueing a message; delivery asks it again before
/// sending, so an opt-out between the two still wins and a redelivered message is never sent twice.
/// </summary>
[Alias("Wearables.Twins.Campaigns.IPatientEngagementGrain")]
public interface IPatientEngagementGrain : IGrainWithStringKey
{
    /// <summary>Records consent (or its withdrawal). Consent given after an opt-out of all campaigns lifts that opt-out.</summary>
    [Alias("SetConsent")]
    ValueTask<EngagementView> SetConsentAsync(bool granted, string source, DateTimeOffset at);

    /// <summary>Opts out of one campaign, or of every campaign when <paramref name="campaignId"/> is null.</summary>
    [Alias("OptOut")]
    ValueTask<EngagementView> OptOutAsync(string? campaignId, string source, DateTimeOffset at);

    [Alias("Get"), ReadOnly]
    ValueTask<EngagementView> GetAsync();

    /// <summary>Decides whether a run messages the patient; a send is recorded against the caps at once.</summary>
    [Alias("Decide")]
    ValueTask<EnrolmentDecision> DecideAsync(CampaignOffer offer);

    /// <summary>Whether a queued message may be sent now (opt-out and consent are checked again).</summary>
    [Alias("BeginDelivery")]
    ValueTask<DeliveryPermit> BeginDeliveryAsync(string campaignId, string messageId, bool requireExplicitConsent);

    /// <summary>Marks a message delivered; false when it already was (so it is counted once).</summary>
    [Alias("CompleteDelivery")]
    ValueTask<bool> CompleteDeliveryAsync(string campaignId, string messageId, DateTimeOffset at);

    /// <summary>Cancels a queued message that will not be delivered and gives its caps back.</summary>
    [Alias("CancelMessage")]
    ValueTask CancelMessageAsync(string messageId);

    /// <summary>Forgets everything about the patient (right to erasure).</summary>
    [Alias("Erase")]
    ValueTask EraseAsync();
}
