namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>Why a matched patient was not messaged, or why a queued message was dropped; the codes the counts use.</summary>
public static class SkipReasons
{
    /// <summary>No explicit consent to campaign messages (or it was withdrawn).</summary>
    public const string NoConsent = "no_consent";

    /// <summary>Opted out of this campaign, of all campaigns, or of all contact.</summary>
    public const string OptedOut = "opted_out";

    /// <summary>A frequency cap: too soon after this campaign's last message, or the weekly cap across campaigns.</summary>
    public const string Capped = "capped";

    /// <summary>No contact preferences, or no address for the campaign's channel among the channels the patient accepts.</summary>
    public const string NoContact = "no_contact";

    /// <summary>Dropped at delivery: the campaign was paused after the message was queued.</summary>
    public const string Paused = "paused";
}
