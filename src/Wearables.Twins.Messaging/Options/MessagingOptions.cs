namespace Wearables.Twins.Messaging;

/// <summary>Messaging settings (<c>Twins:Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "Twins:Messaging";

    /// <summary><c>Embedded</c> (default) or <c>Aws</c>.</summary>
    public MessagingTransportKind Transport { get; set; } = MessagingTransportKind.Embedded;

    /// <summary>Settings of the embedded transport (<c>Twins:Messaging:Embedded</c>).</summary>
    public EmbeddedMessagingOptions Embedded { get; set; } = new();

    /// <summary>Settings of the SNS + SQS transport (<c>Twins:Messaging:Aws</c>).</summary>
    public AwsMessagingOptions Aws { get; set; } = new();
}
