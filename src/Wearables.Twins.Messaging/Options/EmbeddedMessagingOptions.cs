namespace Wearables.Twins.Messaging;

/// <summary>
/// The embedded transport: every queue lives in one SQLite file (WAL). Bounded: a queue holds at most
/// <see cref="MaxQueueDepth"/> live messages (a publish that would exceed it is refused, nothing is written)
/// and its dead-letter queue at most <see cref="MaxDeadLetters"/> for at most <see cref="DeadLetterRetention"/>
/// (older dead letters are dropped, and that is logged).
/// </summary>
public sealed class EmbeddedMessagingOptions
{
    /// <summary>SQLite file; defaults to <c>{DataDirectory}/messaging/queues.db</c>.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>Most live (not dead-lettered) messages per queue. Default 100,000.</summary>
    public int MaxQueueDepth { get; set; } = 100_000;

    /// <summary>Most dead letters kept per queue. Default 10,000.</summary>
    public int MaxDeadLetters { get; set; } = 10_000;

    /// <summary>How long a dead letter is kept. Default 14 days (SQS's longest retention).</summary>
    public TimeSpan DeadLetterRetention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How often a waiting receive looks again. Publishes in the same process wake receivers at once; this
    /// bounds the latency for a producer in another process sharing the file. Default 250 ms.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long SQLite waits for another process's lock on the file. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
