namespace Wearables.Twins.Messaging;

/// <summary>Which implementation of <see cref="IMessageTransport"/> the process uses.</summary>
public enum MessagingTransportKind
{
    /// <summary>Durable local queues in a SQLite file under the data directory (default).</summary>
    Embedded = 0,

    /// <summary>An SNS topic fanned out to SQS queues.</summary>
    Aws = 1,
}
