using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Wearables.Twins.Grains;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Telemetry;

namespace Wearables.Twins.Ingest.Durability;

/// <summary>
/// On start, re-applies every log record after the last checkpoint to the twins, so that state the twins
/// had not yet persisted when the process died is rebuilt. Twins ignore what they already hold.
/// </summary>
public sealed partial class LogReplayService(
    TelemetryLogHost logHost,
    TelemetryRouter router,
    ApplyTracker tracker,
    Serializer<TelemetryBatch> serializer,
    TimeProvider time,
    ILogger<LogReplayService> logger) : IHostedService, IDisposable
{
    private const int AttemptsPerRecord = 10;

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Completes when every record from before this start has been re-applied.</summary>
    public Task Completion => _completion.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            var log = logHost.Log;
            LogReplayStarting(logger, log.CheckpointPosition, log.EndPosition);
            var (records, samples, added) = await ReplayAsync(log.CheckpointPosition, long.MaxValue, cancellationToken);
            LogReplayFinished(logger, records, samples, added);
            _completion.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        catch (Exception ex)
        {
            LogReplayFailed(logger, ex);
            _completion.TrySetException(ex);
        }
    }

    /// <summary>
    /// Delivers the log's records in [<paramref name="from"/>, <paramref name="to"/>) to the twins again (they ignore
    /// what they hold) and marks their wearables for the next checkpoint. Used at start-up, and by a checkpoint that
    /// finds twins re-activated since they took their samples. <c>Added</c> counts the samples the twins did not hold:
    /// those this log was the only copy of.
    /// </summary>
    public async Task<(long Records, long Samples, long Added)> ReplayAsync(long from, long to, CancellationToken cancellationToken)
    {
        long records = 0, samples = 0, added = 0;
        await foreach (var record in logHost.Log.ReadAsync(from, cancellationToken))
        {
            if (record.Position >= to)
            {
                break;
            }

            TelemetryBatch? batch;
            try
            {
                batch = serializer.Deserialize(record.Payload);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUnreadableRecord(logger, ex, record.Position);
                continue;
            }

            if (batch is null)
            {
                continue;
            }

            var result = await ApplyWithRetriesAsync(batch with { Redelivered = true }, cancellationToken);
            tracker.Touch(batch.DeviceId, result.Incarnation);
            records++;
            samples += batch.Samples.Length;
            added += result.Added;
        }

        return (records, samples, added);
    }

    private async Task<RecordResult> ApplyWithRetriesAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await router.RouteAsync(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < AttemptsPerRecord)
            {
                // The silo may still be warming up right after start.
                LogReplayRetry(logger, ex, batch.DeviceId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Replaying the telemetry log from position {From} to {End}")]
    private static partial void LogReplayStarting(ILogger logger, long from, long end);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Replayed {Records} log records ({Samples} samples, {Added} of them new to the twins) into the twins")]
    private static partial void LogReplayFinished(ILogger logger, long records, long samples, long added);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Log record at position {Position} could not be decoded and was skipped")]
    private static partial void LogUnreadableRecord(ILogger logger, Exception exception, long position);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Replay of a batch from device {DeviceId} failed (attempt {Attempt}); retrying")]
    private static partial void LogReplayRetry(ILogger logger, Exception exception, string deviceId, int attempt);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Critical,
        Message = "Replay of the telemetry log failed; the service is not ready")]
    private static partial void LogReplayFailed(ILogger logger, Exception exception);
}
