using Microsoft.Extensions.Logging;

namespace Wearables.Twins.Messaging;

/// <summary>Every log line of messaging (event ids 6000–6099). Ids and attributes only, never message bodies.</summary>
internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Embedded messaging opened {DatabasePath} (journal mode {JournalMode})")]
    public static partial void EmbeddedOpened(ILogger logger, string databasePath, string journalMode);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Messaging ({Transport}) ensured queue {Queue} with {KindFilters} kind and {SeverityFilters} severity filters")]
    public static partial void SubscriptionEnsured(ILogger logger, string transport, string queue, int kindFilters, int severityFilters);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Message {MessageId} ({Kind}, {Severity}) matched no queue")]
    public static partial void NoMatchingQueue(ILogger logger, string messageId, string kind, string severity);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "{Count} messages of queue {Queue} moved to its dead-letter queue after {MaxReceiveCount} receives")]
    public static partial void DeadLettered(ILogger logger, string queue, int count, int maxReceiveCount);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "{Count} dead letters of queue {Queue} were dropped (retention or bound reached)")]
    public static partial void DeadLettersDropped(ILogger logger, string queue, int count);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "Stale receipt on {Operation} of message {MessageId} in queue {Queue} (it was redelivered meanwhile)")]
    public static partial void StaleReceipt(ILogger logger, string operation, string queue, string messageId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Redrove {Count} dead letters back onto queue {Queue}")]
    public static partial void Redriven(ILogger logger, string queue, int count);

    /// <summary>
    /// The message is committed on every queue named, so its consumers can take it from now on. Debug: one line per
    /// message; the detect-to-notify benchmark enables it to time a recommendation's arrival on the workers' queues.
    /// </summary>
    [LoggerMessage(EventId = 6007, Level = LogLevel.Debug, Message = "Message {MessageId} ({Kind}, {Severity}) enqueued on {Queues}")]
    public static partial void Enqueued(ILogger logger, string messageId, string kind, string severity, IReadOnlyList<string> queues);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Messaging on SNS topic {TopicArn}")]
    public static partial void TopicReady(ILogger logger, string topicArn);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Consumer of queue {Queue} started")]
    public static partial void ConsumerStarted(ILogger logger, string queue);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Debug, Message = "Consumer of queue {Queue} skipped message {MessageId}: already processed")]
    public static partial void AlreadyProcessed(ILogger logger, string queue, string messageId);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Warning, Message = "Consumer of queue {Queue} failed on message {MessageId} (receive {ReceiveCount}); retrying in {Delay}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string queue, string messageId, int receiveCount, TimeSpan delay);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Debug, Message = "Consumer of queue {Queue} deferred message {MessageId} by {Delay}")]
    public static partial void Deferred(ILogger logger, string queue, string messageId, TimeSpan delay);

    [LoggerMessage(EventId = 6024, Level = LogLevel.Error, Message = "Consumer of queue {Queue} could not reach the transport; retrying in {Delay}")]
    public static partial void TransportFailed(ILogger logger, Exception exception, string queue, TimeSpan delay);
}
