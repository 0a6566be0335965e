using System.Text.RegularExpressions;

namespace Wearables.Twins.Messaging;

/// <summary>
/// One consumer's queue on the topic: what it receives (filters) and how failures are retried.
/// Empty filter lists mean "everything".
/// </summary>
public sealed partial class QueueSubscription
{
    /// <summary>Default time a received message stays hidden before it is redelivered.</summary>
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Default number of receives after which a message moves to the dead-letter queue.</summary>
    public const int DefaultMaxReceiveCount = 5;

    public QueueSubscription(string queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        if (!QueueName().IsMatch(queue))
        {
            throw new ArgumentException(
                $"Queue name '{queue}' must be 1-60 letters, digits, '-' or '_' (it becomes an SQS queue name).", nameof(queue));
        }

        Queue = queue;
    }

    /// <summary>The consumer's queue name, e.g. "notifications".</summary>
    public string Queue { get; }

    /// <summary>Kinds this queue receives (e.g. "irregular_rhythm"); empty receives every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Severity codes this queue receives (e.g. "medium", "high"); empty receives every severity.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>How long a received message stays hidden; if it is not acknowledged by then it is delivered again.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = DefaultVisibilityTimeout;

    /// <summary>Receives after which a message goes to the dead-letter queue instead of being delivered again.</summary>
    public int MaxReceiveCount { get; init; } = DefaultMaxReceiveCount;

    /// <summary>Whether a message with these attributes belongs on this queue.</summary>
    public bool Matches(string kind, string severity)
        => (Kinds.Count == 0 || Contains(Kinds, kind)) && (Severities.Count == 0 || Contains(Severities, severity));

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,60}$")]
    private static partial Regex QueueName();
}
