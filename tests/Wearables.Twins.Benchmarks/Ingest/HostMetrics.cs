using System.Globalization;

namespace Wearables.Twins.Benchmarks.Ingest;

/// <summary>The ingest counters the host exposes on <c>/metrics</c> (Prometheus text format), summed over their labels.</summary>
internal sealed record HostMetrics(
    long? MessagesReceived, long? SamplesAccepted, long? SamplesRejected, long? MessagesRefused,
    double? DurableMillisecondsSum, long? DurableCount)
{
    /// <summary>Mean time an envelope waited for the telemetry log (append + group-commit fsync), in milliseconds.</summary>
    public double? MeanDurableMilliseconds => DurableCount is > 0 && DurableMillisecondsSum is { } sum ? sum / DurableCount.Value : null;

    /// <summary>What happened between <paramref name="before"/> and this scrape.</summary>
    public HostMetrics Since(HostMetrics before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new HostMetrics(
            MessagesReceived - (before.MessagesReceived ?? 0),
            SamplesAccepted - (before.SamplesAccepted ?? 0),
            SamplesRejected - (before.SamplesRejected ?? 0),
            MessagesRefused - (before.MessagesRefused ?? 0),
            DurableMillisecondsSum - (before.DurableMillisecondsSum ?? 0),
            DurableCount - (before.DurableCount ?? 0));
    }

    /// <summary>
    /// Scrapes until the host's message counter stops moving: publishes abandoned in flight when a fleet stops may
    /// still be in the pipeline, and the exporter may serve a cached scrape for a moment.
    /// </summary>
    public static async Task<HostMetrics> SettledAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        var last = await ScrapeAsync(http, cancellationToken);
        for (var attempt = 0; attempt < 15; attempt++)
        {
            await Task.Delay(pause, cancellationToken);
            var next = await ScrapeAsync(http, cancellationToken);
            if (next.MessagesReceived == last.MessagesReceived && next.SamplesAccepted == last.SamplesAccepted)
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    public static async Task<HostMetrics> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        return new HostMetrics(
            Sum(text, "twins_ingest_messages_total"),
            Sum(text, "twins_ingest_samples_accepted_total"),
            Sum(text, "twins_ingest_samples_rejected_total") ?? 0,
            Sum(text, "twins_ingest_messages_refused_total") ?? 0,
            Value(text, "twins_ingest_durable_duration_milliseconds_sum"),
            Sum(text, "twins_ingest_durable_duration_milliseconds_count"));
    }

    /// <summary>The sum of every series of <paramref name="name"/>, rounded down; null when the metric is absent.</summary>
    private static long? Sum(string text, string name) => Value(text, name) is { } value ? (long)value : null;

    /// <summary>The sum of every series of <paramref name="name"/>; null when the metric is absent.</summary>
    private static double? Value(string text, string name)
    {
        double? total = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            // "name{labels} value [timestamp]": the value follows the labels.
            var afterLabels = line[name.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..] : line[name.Length..];
            var fields = afterLabels.Trim().ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}
