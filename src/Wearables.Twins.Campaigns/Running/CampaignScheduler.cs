using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wearables.Twins.Campaigns.Catalog;
using Wearables.Twins.Campaigns.Options;

namespace Wearables.Twins.Campaigns.Running;

/// <summary>
/// Every <see cref="CampaignOptions.SchedulerInterval"/>, offers each campaign of the catalogue a scheduled run; the
/// campaign grain decides whether one is due and hands out one run at a time, so every silo can run a scheduler and
/// still each slot runs once. Runs go one after another; a failing pass is logged and retried at the next tick.
/// </summary>
public sealed class CampaignScheduler(
    CampaignRunner runner, IGrainFactory grains, IOptions<CampaignOptions> options, TimeProvider time, ILogger<CampaignScheduler> logger)
    : BackgroundService
{
    /// <summary>One pass: runs every due campaign; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        foreach (var campaignId in await grains.GetGrain<ICampaignCatalogGrain>(0).ListAsync())
        {
            if ((await runner.RunAsync(campaignId, manual: false, cancellationToken)).Outcome == RunOutcome.Completed)
            {
                ran++;
            }
        }

        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SchedulerInterval;
        CampaignsLog.SchedulerStarted(logger, interval);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    await RunDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    CampaignsLog.SchedulerFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
