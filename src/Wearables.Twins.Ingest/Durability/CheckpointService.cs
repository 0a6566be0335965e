using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Ingest.Pipeline;

namespace Wearables.Twins.Ingest.Durability;

/// <summary>
/// Periodically (and at shutdown) asks every twin that received data to persist its state, then moves
/// the log's checkpoint past the records they hold so a restart replays only what may be missing.
/// This is the timer that writes twin state: never once per sample.
/// </summary>
public sealed partial class CheckpointService(
    TelemetryLogHost logHost,
    ApplyTracker tracker,
    TelemetryRouter router,
    LogReplayService replay,
    IEnumerable<ICheckpointParticipant> participants,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<CheckpointService> logger) : BackgroundService
{
    private const int FlushParallelism = 32;

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (replay.Completion.IsCompletedSuccessfully)
        {
            await CheckpointAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    /// <summary>Persists touched twins and advances the checkpoint; returns the new checkpoint position.</summary>
    public async Task<long> CheckpointAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var log = logHost.Log;
            var target = tracker.SafePosition(() => log.EndPosition);
            var (touched, incarnationChanged) = tracker.TakeTouched();
            var failed = new ConcurrentBag<KeyValuePair<string, long>>();
            var lost = incarnationChanged ? 1 : 0;
            await Parallel.ForEachAsync(
                touched,
                new ParallelOptions { MaxDegreeOfParallelism = FlushParallelism, CancellationToken = cancellationToken },
                async (wearable, _) =>
                {
                    try
                    {
                        var incarnation = await router.FlushAsync(wearable.Key);
                        if (wearable.Value != 0 && incarnation != wearable.Value)
                        {
                            Interlocked.Increment(ref lost);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogFlushFailed(logger, ex, wearable.Key);
                        failed.Add(wearable);
                    }
                });

            if (!failed.IsEmpty)
            {
                tracker.Retouch(touched);
                return log.CheckpointPosition;
            }

            if (lost > 0)
            {
                // Twins re-activated (their silo died) after taking samples and before persisting them lost those
                // samples: deliver everything since the checkpoint again, and let the next checkpoint confirm it.
                LogTwinsLost(logger, lost, log.CheckpointPosition, target);
                await replay.ReplayAsync(log.CheckpointPosition, target, cancellationToken);
                return log.CheckpointPosition;
            }

            // Twins hand accepted samples to these stores as they take them, so everything up to the target
            // has reached them; once they are durable too, the log may forget it.
            foreach (var participant in participants)
            {
                try
                {
                    await participant.FlushAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogParticipantFailed(logger, ex, participant.Name);
                    tracker.Retouch(touched);
                    return log.CheckpointPosition;
                }
            }

            if (target > log.CheckpointPosition)
            {
                await log.CheckpointAsync(target, cancellationToken);
                LogCheckpoint(logger, target, touched.Count);
            }

            return log.CheckpointPosition;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await replay.Completion.WaitAsync(stoppingToken);
            using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CheckpointAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogCheckpointFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync takes the final checkpoint.
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug,
        Message = "Checkpoint moved to {Position} after persisting {Wearables} wearable twins")]
    private static partial void LogCheckpoint(ILogger logger, long position, int wearables);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Wearable twin {WearableId} could not persist its state; the checkpoint waits for it")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string wearableId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning,
        Message = "{Participant} could not make its samples durable; the checkpoint waits for it")]
    private static partial void LogParticipantFailed(ILogger logger, Exception exception, string participant);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning,
        Message = "{Count} wearable twins were re-activated before persisting what they took; redelivering the log from {From} to {To}")]
    private static partial void LogTwinsLost(ILogger logger, int count, long from, long to);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Checkpoint failed; retrying at the next interval")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
