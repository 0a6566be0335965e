namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>The patient's current answer about campaign messages: granted or withdrawn, when, and through what.</summary>
/// <param name="Granted">True when the patient agreed.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Source">Where it came from (e.g. "app:onboarding-v3", "paper-form:clinic-12"), for the audit trail.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.ConsentRecord")]
public sealed record ConsentRecord(
    [property: Id(0)] bool Granted,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Source);
