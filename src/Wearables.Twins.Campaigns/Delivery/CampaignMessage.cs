using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Delivery;

/// <summary>
/// A campaign message on the topic (kind <c>campaign_message</c>): everything delivery needs except the patient's
/// address, language and quiet hours, which are read from the contact directory when it is sent (so they are current
/// and no address travels through the queue).
/// </summary>
/// <param name="MessageId">Stable id: campaign, run and patient (see <see cref="CampaignMessageCodec.MessageId"/>).</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="CampaignName">Its name, for <c>{campaign}</c>.</param>
/// <param name="RunId">The run that queued it.</param>
/// <param name="PatientId">The recipient.</param>
/// <param name="Channel">email or sms.</param>
/// <param name="Message">The texts in every language.</param>
/// <param name="OptOutUrl">The patient's opt-out link, for <c>{opt_out_url}</c> and the appended opt-out line.</param>
/// <param name="CreatedAt">When the run queued it.</param>
public sealed record CampaignMessage(
    string MessageId,
    string CampaignId,
    string CampaignName,
    string RunId,
    string PatientId,
    CampaignChannel Channel,
    CampaignMessageTemplates Message,
    string OptOutUrl,
    DateTimeOffset CreatedAt);
