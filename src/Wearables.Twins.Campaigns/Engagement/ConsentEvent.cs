namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>One change of consent or opt-out, kept (bounded) as the patient's audit trail.</summary>
/// <param name="Kind">consent_granted, consent_withdrawn, opted_out (one campaign) or opted_out_all.</param>
/// <param name="CampaignId">The campaign of a single opt-out.</param>
/// <param name="At">When.</param>
/// <param name="Source">Through what.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.ConsentEvent")]
public sealed record ConsentEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] string? CampaignId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Source);
