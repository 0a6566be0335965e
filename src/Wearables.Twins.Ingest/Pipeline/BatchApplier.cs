using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Ingest.Durability;
using Wearables.Twins.Telemetry;

namespace Wearables.Twins.Ingest.Pipeline;

/// <summary>
/// Applies durable batches to the twins. When a twin cannot take a batch, the batch is already safe in the
/// log, so it is retried in the background (holding back the checkpoint) instead of failing the sender.
/// </summary>
public sealed partial class BatchApplier(
    TelemetryRouter router,
    ApplyTracker tracker,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BatchApplier> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Applies the batch and returns how many of its samples the twin already had.</summary>
    public async ValueTask<int> ApplyAsync(TelemetryBatch batch, long logBound)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            var result = await router.RouteAsync(batch);
            tracker.EndAppend(logBound, batch.DeviceId, result.Incarnation);
            return result.Duplicates;
        }
        catch (Exception ex)
        {
            LogDeferred(logger, ex, batch.DeviceId);
            _ = RetryAsync(batch, logBound);
            return 0;
        }
    }

    private async Task RetryAsync(TelemetryBatch batch, long logBound)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var stopping = lifetime.ApplicationStopping;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stopping);
                var result = await router.RouteAsync(batch);
                tracker.EndAppend(logBound, batch.DeviceId, result.Incarnation);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogRetryFailed(logger, ex, batch.DeviceId, delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }

        // Shutting down: the batch stays unapplied, so the checkpoint stays before it and the next start replays it.
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Durable samples from device {DeviceId} could not be applied to the twin; retrying in the background")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning,
        Message = "Retry of durable samples from device {DeviceId} failed; next attempt in {Delay}")]
    private static partial void LogRetryFailed(ILogger logger, Exception exception, string deviceId, TimeSpan delay);
}
