using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.History.Options;
using Wearables.Twins.History.Storage;

namespace Wearables.Twins.History.Maintenance;

/// <summary>Every <see cref="LakeMaintenanceOptions.Interval"/>: sweep crash leftovers, apply retention, compact.</summary>
public sealed partial class LakeMaintenanceService(
    ILakeStore store, LakeRetention retention, LakeCompactor compactor, IOptions<HistoryOptions> options, TimeProvider time,
    ILogger<LakeMaintenanceService> logger) : BackgroundService
{
    /// <summary>One pass, also callable from an admin endpoint or a test.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (store is LocalLakeStore local)
        {
            local.SweepTempFiles(time.GetUtcNow() - options.Value.Maintenance.TempFileAge);
        }

        await retention.ApplyAsync(cancellationToken);
        await compactor.CompactAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Maintenance.Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPassFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 4140, Level = LogLevel.Warning, Message = "Lake maintenance pass failed; the next pass retries.")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
