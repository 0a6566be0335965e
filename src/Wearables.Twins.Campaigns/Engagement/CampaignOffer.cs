namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>A run asking whether a matched patient gets this campaign's message now.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="RunId">The run; asking twice in one run gets the same answer.</param>
/// <param name="MessageId">The id the message will carry if it is sent.</param>
/// <param name="Now">The run's clock.</param>
/// <param name="MinDaysBetweenMessages">The campaign's own cap.</param>
/// <param name="MaxMessagesPer7Days">The global cap across campaigns.</param>
/// <param name="RequireExplicitConsent">Whether silence counts as no (the default, LGPD / GDPR).</param>
/// <param name="Contact">Whether the patient can be reached on the campaign's channel.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignOffer")]
public sealed record CampaignOffer(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string RunId,
    [property: Id(2)] string MessageId,
    [property: Id(3)] DateTimeOffset Now,
    [property: Id(4)] int MinDaysBetweenMessages,
    [property: Id(5)] int MaxMessagesPer7Days,
    [property: Id(6)] bool RequireExplicitConsent,
    [property: Id(7)] ContactState Contact);
