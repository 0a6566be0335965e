using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;

namespace Wearables.Twins.History.Writing;

/// <summary>Flushes the buffer by size and age in the background, retries failed flushes, and flushes at shutdown.</summary>
public sealed partial class HistoryWriterService(
    HistoryWriter writer, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await writer.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What stays unflushed is still in the telemetry log past its checkpoint and is replayed at the next start.
            LogFinalFlushFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.Writer.RetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await writer.WaitUntilDueAsync(stoppingToken);
                await writer.FlushAsync(stoppingToken);
                delay = options.Value.Writer.RetryDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFlushFailed(logger, ex, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "History flush failed; retrying in {Delay}.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Final history flush at shutdown failed; the telemetry log replays the rest at the next start.")]
    private static partial void LogFinalFlushFailed(ILogger logger, Exception exception);
}
