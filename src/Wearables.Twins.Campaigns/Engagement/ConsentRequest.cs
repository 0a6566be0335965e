namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>Body of <c>PUT /api/v1/patients/{id}/consents/campaigns</c>.</summary>
/// <param name="Granted">True to consent to campaign messages, false to withdraw.</param>
/// <param name="Source">Where the answer was given (required, for the audit trail).</param>
public sealed record ConsentRequest(bool Granted, string Source);
