using Wearables.Twins.CareTeams;
using static Wearables.Twins.Grains.Tests.CareTeams.Alerts;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>The inbox's state is bounded: a cap on active alerts with a counted overflow, and a ring of resolved ones.</summary>
[Collection(CareTeamClusterCollection.Name)]
public sealed class InboxBoundsTests(CareTeamClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AFullInboxCountsTheAlertsItCannotKeep()
    {
        var inbox = await NewInboxAsync();
        for (var i = 0; i < CareTeamLimits.MaxActiveAlerts; i++)
        {
            Assert.Equal(AlertOpenOutcome.Opened, (await inbox.OpenAsync(Finding("p-1", $"f-{i}"))).Outcome);
        }

        var overflow = await inbox.OpenAsync(Finding("p-1", "f-one-too-many"));
        await inbox.OpenAsync(Finding("p-2", "f-two-too-many"));

        Assert.Equal(new AlertOpenResult(AlertOpenOutcome.Overflow, null), overflow);
        var page = await inbox.ListAsync(null, CareTeamLimits.MaxListLimit);
        Assert.Equal((CareTeamLimits.MaxActiveAlerts, 2L), (page.Open, page.Overflow));

        // Room again once someone closes an alert.
        await inbox.ResolveAsync(page.Alerts[0].AlertId, "ana", null);
        Assert.Equal(AlertOpenOutcome.Opened, (await inbox.OpenAsync(Finding("p-3", "f-room"))).Outcome);
    }

    [Fact]
    public async Task OnlyTheNewestResolvedAlertsAreKept()
    {
        var inbox = await NewInboxAsync();
        var ids = new List<string>();
        for (var i = 0; i < CareTeamLimits.ResolvedAlertsKept + 5; i++)
        {
            var id = (await inbox.OpenAsync(Finding("p-1", $"f-{i}"))).AlertId!;
            await inbox.ResolveAsync(id, "ana", null);
            ids.Add(id);
        }

        var page = await inbox.ListAsync(AlertStatus.Resolved, CareTeamLimits.MaxListLimit);
        Assert.Equal(CareTeamLimits.ResolvedAlertsKept, page.Resolved);
        Assert.Equal(ids[^1], page.Alerts[0].AlertId);
        Assert.Equal(ids[5], page.Alerts[^1].AlertId);
        Assert.Null(await inbox.GetAsync(ids[4]));
        Assert.Equal(AlertOperationOutcome.NotFound, (await inbox.ResolveAsync(ids[0], "ana", null)).Outcome);
    }

    [Fact]
    public async Task TheListNeverReturnsMoreThanItsMaximum()
    {
        var inbox = await NewInboxAsync();
        await inbox.OpenAsync(Finding("p-1", "f-1"));
        await inbox.OpenAsync(Finding("p-1", "f-2"));

        Assert.Single((await inbox.ListAsync(null, 0)).Alerts);
        Assert.Equal(2, (await inbox.ListAsync(null, int.MaxValue)).Alerts.Length);
    }

    private async Task<ICareTeamInboxGrain> NewInboxAsync()
    {
        var teamId = Samples.NewId("team");
        await _grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(Team(Ana));
        return _grains.GetGrain<ICareTeamInboxGrain>(teamId);
    }
}
