namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>Whether a queued campaign message may go out now.</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.DeliveryPermit")]
public enum DeliveryPermit
{
    Send = 0,

    /// <summary>It went out before (a redelivery): nothing is sent twice.</summary>
    AlreadySent = 1,

    /// <summary>It was cancelled (dropped earlier); nothing is sent.</summary>
    Cancelled = 2,

    /// <summary>The patient opted out after it was queued; it is cancelled.</summary>
    OptedOut = 3,

    /// <summary>Consent was withdrawn after it was queued; it is cancelled.</summary>
    NoConsent = 4,
}
