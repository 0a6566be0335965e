namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>What the contact directory says about reaching a patient on a campaign's channel (looked up outside the grain).</summary>
[GenerateSerializer, Alias("Wearables.Twins.Campaigns.ContactState")]
public enum ContactState
{
    Reachable = 0,
    Missing = 1,

    /// <summary>The patient opted out of all contact in their contact preferences.</summary>
    OptedOut = 2,
}
