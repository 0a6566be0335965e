namespace Wearables.Twins.Messaging.Consuming;

/// <summary>What a handler decided: done (acknowledge) or come back after a delay (e.g. quiet hours).</summary>
public readonly record struct MessageOutcome
{
    private MessageOutcome(TimeSpan? deferFor) => DeferFor = deferFor;

    /// <summary>The message was handled; acknowledge it and remember its id.</summary>
    public static MessageOutcome Done { get; } = new(null);

    /// <summary>When set, the message is released and delivered again after this delay.</summary>
    public TimeSpan? DeferFor { get; }

    /// <summary>Deliver the message again after <paramref name="delay"/> (the transport caps it, SQS at 12 hours).</summary>
    public static MessageOutcome Defer(TimeSpan delay) => new(delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
}
