using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;
using static Wearables.Twins.Grains.Tests.CareTeams.Alerts;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>
/// An open alert nobody acknowledges pages the escalation chain one contact per deadline, through a reminder; an
/// acknowledged alert pages nobody. Deadlines here are two seconds, so the tests await real reminder ticks.
/// </summary>
[Collection(CareTeamClusterCollection.Name)]
public sealed class InboxEscalationTests(CareTeamClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnUnacknowledgedAlertPagesTheNextContactEachTimeItsDeadlinePasses()
    {
        var (teamId, inbox) = await NewInboxAsync(Ana, Bruno);
        var alertId = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;

        var first = await fixture.Escalations.WaitForAsync(n => n.TeamId == teamId && n.Level == 1).WaitAsync(Within);
        Assert.Equal(($"{teamId}/{alertId}/escalation/1", alertId, Ana, "Cardiology ward", "p-1", RecommendationSeverity.High),
            (first.NoticeId, first.AlertId, first.Contact, first.TeamName, first.PatientId, first.Severity));
        Assert.Equal("irregular rhythm in 4 of the last 6 windows", first.Summary);

        var second = await fixture.Escalations.WaitForAsync(n => n.TeamId == teamId && n.Level == 2).WaitAsync(Within);
        Assert.Equal(Bruno, second.Contact);
        Assert.True(second.EscalatedAt - first.EscalatedAt >= Deadline - TimeSpan.FromSeconds(1));

        // Nobody is left after Bruno: the alert stays open in the inbox and stops escalating.
        var alert = await Eventually.MatchesAsync(() => inbox.GetAsync(alertId).AsTask(), a => a!.EscalatesAt is null, Within);
        Assert.Equal((AlertStatus.Open, 2), (alert!.Status, alert.EscalationLevel));
        Assert.Equal(["ana", "bruno"], alert.Escalations.Select(e => e.ContactId));
        Assert.Equal(2, fixture.Escalations.For(teamId).Count);
        await AssertNoReminderAsync(inbox);
    }

    [Fact]
    public async Task AnAcknowledgedAlertPagesNobody()
    {
        var (teamId, inbox) = await NewInboxAsync(Ana);
        var taken = (await inbox.OpenAsync(Finding("p-1", "f-taken"))).AlertId!;
        await inbox.AcknowledgeAsync(taken, "ana");

        // A second alert, opened later, shows that the deadline of the first has passed.
        var untaken = (await inbox.OpenAsync(Finding("p-2", "f-untaken"))).AlertId!;
        var notice = await fixture.Escalations.WaitForAsync(n => n.TeamId == teamId).WaitAsync(Within);

        Assert.Equal(untaken, notice.AlertId);
        Assert.Single(fixture.Escalations.For(teamId));
        Assert.Equal(0, (await inbox.GetAsync(taken))!.EscalationLevel);
    }

    [Fact]
    public async Task TheReminderIsRemovedOnceNothingIsWaiting()
    {
        var teamId = Samples.NewId("team");
        await _grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(Team(Ana));
        var inbox = _grains.GetGrain<ICareTeamInboxGrain>(teamId);
        var first = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;
        var second = (await inbox.OpenAsync(Finding("p-1", "f-2"))).AlertId!;
        Assert.NotEmpty((await ReminderRowsAsync(inbox)).Reminders);

        await inbox.AcknowledgeAsync(first, "ana");
        Assert.NotEmpty((await ReminderRowsAsync(inbox)).Reminders);
        await inbox.ResolveAsync(second, "ana", null);

        await AssertNoReminderAsync(inbox);
    }

    [Fact]
    public async Task AnInboxWhoseTeamHasNoChainKeepsItsAlertsWithoutPaging()
    {
        var (teamId, inbox) = await NewInboxAsync();
        var alertId = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;

        var alert = await Eventually.MatchesAsync(() => inbox.GetAsync(alertId).AsTask(), a => a!.EscalatesAt is null, Within);

        Assert.Equal((AlertStatus.Open, 0), (alert!.Status, alert.EscalationLevel));
        Assert.Empty(fixture.Escalations.For(teamId));
        await AssertNoReminderAsync(inbox);
    }

    [Fact]
    public async Task NoticesTheTopicRefusesAreKeptAndSentLater()
    {
        var (teamId, inbox) = await NewInboxAsync(Ana);
        fixture.Escalations.FailFor(teamId);
        var alertId = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;

        // The escalation is recorded even though its notice could not leave yet.
        await Eventually.MatchesAsync(() => inbox.GetAsync(alertId).AsTask(), a => a!.EscalationLevel == 1, Within);
        Assert.Empty(fixture.Escalations.For(teamId));

        fixture.Escalations.RecoverFor(teamId);
        var notice = await fixture.Escalations.WaitForAsync(n => n.TeamId == teamId).WaitAsync(Within);
        Assert.Equal((alertId, 1), (notice.AlertId, notice.Level));
    }

    private async Task<(string TeamId, ICareTeamInboxGrain Inbox)> NewInboxAsync(params CareTeamContact[] chain)
    {
        var teamId = Samples.NewId("team");
        await _grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(Team(Deadline, chain));
        return (teamId, _grains.GetGrain<ICareTeamInboxGrain>(teamId));
    }

    private Task<ReminderTableData> ReminderRowsAsync(ICareTeamInboxGrain inbox)
        => fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IReminderTable>().ReadRows(inbox.GetGrainId());

    private async Task AssertNoReminderAsync(ICareTeamInboxGrain inbox)
        => Assert.Empty((await ReminderRowsAsync(inbox)).Reminders);
}
