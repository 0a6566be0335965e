using System.Globalization;
using System.Text.RegularExpressions;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>
/// Times read from the host's own log lines. The host is asked to stamp every line with the UTC time of the log call
/// (microseconds, one line per entry), so a stage is timed where it happened, not when this process read the pipe.
/// </summary>
internal static partial class HostLogStamps
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>A log event of one message or recommendation, at the host's time.</summary>
    public sealed record Stamp(DateTimeOffset At, string Id, string Detail);

    /// <summary>Host settings: single-line, UTC-stamped console lines, and the embedded transport's Debug "enqueued" event (6007).</summary>
    public static IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>
    {
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:Console:FormatterOptions:UseUtcTimestamp"] = "true",
        ["Logging:Console:FormatterOptions:TimestampFormat"] = TimestampFormat + " ",
        ["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled",
        ["Logging:LogLevel:Wearables.Twins.Messaging.Embedded.EmbeddedMessageTransport"] = "Debug",
    };

    /// <summary>Messages committed on the workers' queues (event 6007): id = recommendation id, detail = kind.</summary>
    public static IReadOnlyList<Stamp> Enqueued(IEnumerable<string> lines) => Collect(lines, "6007", EnqueuedMessage());

    /// <summary>Emails the notification worker logged as sent (event 6100), after the SMTP server's 250 and the ledger write.</summary>
    public static IReadOnlyList<Stamp> EmailsSent(IEnumerable<string> lines) => Collect(lines, "6100", SentMessage());

    private static List<Stamp> Collect(IEnumerable<string> lines, string eventId, Regex message)
    {
        var stamps = new List<Stamp>();
        foreach (var line in lines)
        {
            var entry = Entry().Match(line);
            if (!entry.Success || entry.Groups["event"].Value != eventId)
            {
                continue;
            }

            var body = message.Match(entry.Groups["message"].Value);
            if (body.Success)
            {
                var at = DateTimeOffset.ParseExact(entry.Groups["at"].Value, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                stamps.Add(new Stamp(at, body.Groups["id"].Value, body.Groups["detail"].Value));
            }
        }

        return stamps;
    }

    // "2026-11-28T11:00:06.008514Z dbug: Wearables.Twins.Messaging.Embedded.EmbeddedMessageTransport[6007] Message …"
    [GeneratedRegex(@"^(?<at>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) \w+: [^\[]+\[(?<event>\d+)\] (?<message>.*)$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^Message (?<id>\S+) \((?<detail>[^,]+), [^)]*\) enqueued on ")]
    private static partial Regex EnqueuedMessage();

    [GeneratedRegex(@"^Sent (?<detail>email) notification for recommendation (?<id>\S+)$")]
    private static partial Regex SentMessage();
}
