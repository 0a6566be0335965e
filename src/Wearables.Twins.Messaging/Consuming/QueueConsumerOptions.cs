namespace Wearables.Twins.Messaging.Consuming;

/// <summary>How one consumer host drives its queue.</summary>
public sealed class QueueConsumerOptions
{
    /// <summary>Messages handled at the same time. Default 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Longest wait of one receive (long poll). Default 20 s, the SQS maximum.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>First retry delay after a failure; doubles per receive. Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest retry delay. Default 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest deferral a handler gets in one go (SQS caps visibility at 12 hours). Default 12 hours.</summary>
    public TimeSpan MaxDefer { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Exponential backoff for the <paramref name="receiveCount"/>-th receive: base × 2^(n−1), capped.</summary>
    public TimeSpan RetryDelay(int receiveCount)
    {
        var exponent = Math.Clamp(receiveCount - 1, 0, 20);
        var delay = RetryBaseDelay * Math.Pow(2, exponent);
        return delay > RetryMaxDelay ? RetryMaxDelay : delay;
    }
}
