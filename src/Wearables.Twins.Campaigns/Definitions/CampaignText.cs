namespace Wearables.Twins.Campaigns.Definitions;

/// <summary>A campaign's words in one language. Placeholders: <c>{campaign}</c> and <c>{opt_out_url}</c>.</summary>
/// <param name="Subject">Email subject (unused for SMS, may then be empty).</param>
/// <param name="Text">Plain text of the email or the SMS. An opt-out line is appended unless it uses <c>{opt_out_url}</c>.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.CampaignText")]
public sealed record CampaignText(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Text);
