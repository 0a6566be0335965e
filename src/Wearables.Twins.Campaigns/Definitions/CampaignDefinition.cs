namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>
/// A campaign, as data: who (the cohort rule), what (the message per language), how (the channel), when (the
/// schedule) and how often at most (<see cref="MinDaysBetweenMessages"/>; a global cap per patient across campaigns
/// comes from configuration). Checked by <see cref="CampaignValidation"/> before it is stored.
/// </summary>
/// <param name="Id">Lower-case letters, digits, '-' and '_' (1–64); the campaign grain's key.</param>
/// <param name="Name">Shown to staff and available to the message as <c>{campaign}</c>.</param>
/// <param name="Rule">The cohort rule.</param>
/// <param name="Message">Subject and text in English and Brazilian Portuguese.</param>
/// <param name="Channel">email or sms.</param>
/// <param name="Schedule">When runs happen.</param>
/// <param name="MinDaysBetweenMessages">Least number of days between two messages of this campaign to one patient (0–365).</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignDefinition")]
public sealed record CampaignDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] CohortRule Rule,
    [property: Id(3)] CampaignMessageTemplates Message,
    [property: Id(4)] CampaignChannel Channel,
    [property: Id(5)] CampaignSchedule Schedule,
    [property: Id(6)] int MinDaysBetweenMessages);
