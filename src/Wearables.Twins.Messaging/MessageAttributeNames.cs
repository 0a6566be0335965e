namespace Wearables.Twins.Messaging;

/// <summary>Names of the message attributes every transport carries (SNS message attributes, SQLite columns).</summary>
public static class MessageAttributeNames
{
    public const string MessageId = "message_id";
    public const string Kind = "kind";
    public const string Severity = "severity";
}
