namespace Wearables.Twins.Messaging.Consuming;

/// <summary>The consumers' idempotency store (<c>Twins:Messaging:Processed</c>).</summary>
public sealed class ProcessedMessageStoreOptions
{
    /// <summary>SQLite file; defaults to <c>{DataDirectory}/messaging/processed.db</c>.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Most ids remembered per consumer; the oldest are forgotten first. Must exceed what can be in flight or
    /// redelivered (queue depth plus retries). Default 100,000.
    /// </summary>
    public int MaxIdsPerConsumer { get; set; } = 100_000;
}
