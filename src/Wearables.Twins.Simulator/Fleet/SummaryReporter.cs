using System.Globalization;

namespace Wearables.Twins.Simulator.Fleet;

/// <summary>Writes one live line every interval: rates since the previous line, totals, PUBACK reasons, lag.</summary>
internal sealed class SummaryReporter(
    FleetCounters counters, TextWriter output, TimeProvider time, SimulatedClock clock, int devices,
    Func<DateTimeOffset> reached, TimeSpan batch, DateTimeOffset simulatedEnd)
{
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        var lastElapsed = clock.RealElapsed;
        long lastMessages = 0, lastSamples = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var elapsed = clock.RealElapsed;
                var seconds = Math.Max((elapsed - lastElapsed).TotalSeconds, 1e-3);
                var messages = counters.Messages;
                var samples = counters.Samples;
                await output.WriteLineAsync(Line(elapsed, (messages - lastMessages) / seconds, (samples - lastSamples) / seconds));
                (lastElapsed, lastMessages, lastSamples) = (elapsed, messages, samples);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Run over.
        }
    }

    private string Line(TimeSpan elapsed, double messagesPerSecond, double samplesPerSecond)
    {
        var culture = CultureInfo.InvariantCulture;
        var reachedTime = reached();
        var now = clock.Now;
        var behind = (now < simulatedEnd ? now : simulatedEnd) - reachedTime - batch;
        var line = string.Create(culture,
            $"[{elapsed.TotalSeconds,7:0.0}s] sim {reachedTime:yyyy-MM-dd HH:mm:ss}Z | {counters.Connected}/{devices} connected | {messagesPerSecond:0.0} msg/s, {samplesPerSecond:0.0} samples/s | sent {counters.Messages} | acks {counters.Acks}{SimulatorResult.FormatReasons(counters.AcksByReason())} | non-success {counters.NonSuccessAcks}");
        if (behind > batch)
        {
            line += string.Create(culture, $" | {behind.TotalSeconds:0} simulated s behind");
        }

        if (counters.Connected < devices && counters.LastError is { } error)
        {
            line += $" | {error}";
        }

        return line;
    }
}
