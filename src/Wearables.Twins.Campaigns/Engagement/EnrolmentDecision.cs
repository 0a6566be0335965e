namespace Wearables.Twins.Campaigns.Engagement;

/// <summary>The engagement grain's answer to an offer: send (with the message id) or skip (with a <see cref="SkipReasons"/> code).</summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.Campaigns.EnrolmentDecision")]
public sealed record EnrolmentDecision(
    [property: Id(0)] bool Send,
    [property: Id(1)] string? SkipReason,
    [property: Id(2)] string? MessageId)
{
    public static EnrolmentDecision SendAs(string messageId) => new(true, null, messageId);

    public static EnrolmentDecision Skip(string reason) => new(false, reason, null);
}
