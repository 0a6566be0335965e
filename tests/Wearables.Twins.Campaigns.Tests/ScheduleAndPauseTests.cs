using Wearables.Twins.Campaigns.Definitions;
using Wearables.Twins.Campaigns.Engagement;
using Wearables.Twins.Campaigns.Running;
using static Wearables.Twins.Campaigns.Tests.Samples;

namespace Wearables.Twins.Campaigns.Tests;

[Collection(CampaignClusterCollection.Name)]
public sealed class ScheduleAndPauseTests(CampaignCluster cluster)
{
    // A rule no other test's campaign uses, so the scheduler (which offers every campaign a run) cannot cross tests.
    private static readonly VitalDaysRule FastHeart = new("heart_rate", VitalAggregate.Mean, ComparisonOperator.Above, 110, 1, 2);

    [Fact]
    public async Task The_scheduler_runs_a_campaign_once_per_slot_and_never_while_paused()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var patient = Unique("racing");
        await harness.WriteLakeAsync(patient, HeartRate(harness.Time.GetUtcNow().AddHours(-1), 130));
        var id = Unique("six-hourly");
        await harness.DefineAsync(Campaign(id, FastHeart, schedule: new CampaignSchedule(EveryHours: 6)));
        async Task<long> RunsAfterPassAsync()
        {
            await harness.Scheduler.RunDueAsync(CancellationToken.None);
            return (await harness.StatusAsync(id)).Counts.Runs;
        }

        // Created at 12:00 UTC: the first slot is 18:00.
        Assert.Equal(0, await RunsAfterPassAsync());
        harness.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, await RunsAfterPassAsync());
        Assert.Equal(1, await RunsAfterPassAsync());
        var status = await harness.StatusAsync(id);
        Assert.Equal((1, harness.Time.GetUtcNow(), harness.Time.GetUtcNow().AddHours(6)), (status.LastRun!.Matched, status.LastRun.Slot, status.NextRunAt));

        await harness.Registry.SetStateAsync(id, CampaignActivity.Paused);
        harness.Time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(1, await RunsAfterPassAsync());
        Assert.Equal(RunOutcome.Paused, (await harness.Runner.RunAsync(id, manual: true, CancellationToken.None)).Outcome);
        Assert.Null((await harness.StatusAsync(id)).NextRunAt);

        // Resuming skips the slots that passed while paused; the next one runs.
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.Registry.SetStateAsync(id, CampaignActivity.Active);
        Assert.Equal(1, await RunsAfterPassAsync());
        harness.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(2, await RunsAfterPassAsync());
    }

    [Fact]
    public async Task Pausing_drops_messages_still_queued_and_gives_their_caps_back()
    {
        await using var harness = await CampaignHarness.StartAsync(cluster);
        var patient = Unique("paused");
        await harness.WriteHighSystolicAsync(patient);
        await harness.AddContactAsync(patient);
        await harness.ConsentAsync(patient);
        var id = Unique("pause");
        await harness.DefineAsync(Campaign(id, minDaysBetweenMessages: 7));

        Assert.Equal(1, (await harness.RunNowAsync(id)).Queued);
        await harness.Registry.SetStateAsync(id, CampaignActivity.Paused);
        var delivered = await harness.DeliverQueuedAsync();

        Assert.Single(delivered);
        Assert.Empty(harness.PickedUpEmailsTo($"{patient}@twins.test"));
        Assert.Equal(1, (await harness.StatusAsync(id)).Counts.DeliveryDropped[SkipReasons.Paused]);
        Assert.Empty((await harness.Engagement(patient).GetAsync()).LastMessagedAt);

        await harness.Registry.SetStateAsync(id, CampaignActivity.Active);
        Assert.Equal(1, (await harness.RunNowAsync(id)).Queued);
        await harness.DeliverQueuedAsync();
        Assert.Single(harness.PickedUpEmailsTo($"{patient}@twins.test"));
    }
}
