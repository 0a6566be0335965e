namespace Wearables.Twins.Messaging;

/// <summary>
/// The SNS + SQS transport. Credentials come from the AWS default chain (environment, profile, IRSA on
/// Kubernetes) — never from this file.
/// </summary>
public sealed class AwsMessagingOptions
{
    /// <summary>Region of the topic and the queues, e.g. <c>sa-east-1</c>. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Endpoint override for both SNS and SQS (a local stand-in such as fauxqs). Unset in AWS.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Topic name, used to create or find the topic. Default <c>twins-recommendations</c>.</summary>
    public string TopicName { get; set; } = "twins-recommendations";

    /// <summary>Topic ARN when it is provisioned elsewhere; when unset it is created (if <see cref="Provision"/>) from <see cref="TopicName"/>.</summary>
    public string? TopicArn { get; set; }

    /// <summary>Prefix of every SQS queue name: consumer queue "notifications" becomes <c>twins-notifications</c> and <c>twins-notifications-dlq</c>.</summary>
    public string QueueNamePrefix { get; set; } = "twins-";

    /// <summary>
    /// Whether the service creates the topic, queues, dead-letter queues, queue policies and subscriptions it
    /// needs (idempotent). Turn off when infrastructure-as-code owns them; the names must then match.
    /// Default true.
    /// </summary>
    public bool Provision { get; set; } = true;
}
