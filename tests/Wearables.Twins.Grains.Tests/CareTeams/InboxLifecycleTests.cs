using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;
using static Wearables.Twins.Grains.Tests.CareTeams.Alerts;

namespace Wearables.Twins.Grains.Tests.CareTeams;

/// <summary>An alert goes open → acknowledged → resolved, never backwards; recommendations open, raise and resolve alerts once.</summary>
[Collection(CareTeamClusterCollection.Name)]
public sealed class InboxLifecycleTests(CareTeamClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task AnAlertGoesOpenThenAcknowledgedThenResolved()
    {
        var inbox = await NewInboxAsync();
        var recommendation = Finding("p-1", "f-1");

        var opened = await inbox.OpenAsync(recommendation);
        Assert.Equal(AlertOpenOutcome.Opened, opened.Outcome);
        var alert = Assert.Single((await inbox.ListAsync(AlertStatus.Open, 10)).Alerts);
        Assert.Equal(opened.AlertId, alert.AlertId);
        Assert.Equal(("p-1", "f-1", RecommendationKinds.IrregularRhythm, RecommendationSeverity.High),
            (alert.PatientId, alert.FindingId, alert.Kind, alert.Severity));
        Assert.Equal(0, alert.EscalationLevel);
        Assert.Equal(alert.OpenedAt + AcknowledgeDeadlines.Default.High, alert.EscalatesAt);

        var acknowledged = await inbox.AcknowledgeAsync(alert.AlertId, "ana");
        Assert.Equal(AlertOperationOutcome.Done, acknowledged.Outcome);
        Assert.Equal((AlertStatus.Acknowledged, "ana"), (acknowledged.Alert!.Status, acknowledged.Alert.AcknowledgedBy));
        Assert.Null(acknowledged.Alert.EscalatesAt);

        var resolved = await inbox.ResolveAsync(alert.AlertId, "bruno", "ECG normal, device artefact");
        Assert.Equal(AlertOperationOutcome.Done, resolved.Outcome);
        Assert.Equal((AlertStatus.Resolved, "ana", "bruno", "ECG normal, device artefact", false),
            (resolved.Alert!.Status, resolved.Alert.AcknowledgedBy, resolved.Alert.ResolvedBy, resolved.Alert.ResolutionNote, resolved.Alert.AutoResolved));

        var page = await inbox.ListAsync(null, 10);
        Assert.Equal((0, 0, 1), (page.Open, page.Acknowledged, page.Resolved));
        Assert.Equal(AlertStatus.Resolved, (await inbox.GetAsync(alert.AlertId))!.Status);
        Assert.Equal(3, page.Version);
    }

    [Fact]
    public async Task IllegalTransitionsAreRefusedWithTheReason()
    {
        var inbox = await NewInboxAsync();
        var id = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;

        await inbox.AcknowledgeAsync(id, "ana");
        var twice = await inbox.AcknowledgeAsync(id, "bruno");
        Assert.Equal(AlertOperationOutcome.AlreadyAcknowledged, twice.Outcome);
        Assert.Equal("ana", twice.Alert!.AcknowledgedBy);

        await inbox.ResolveAsync(id, "ana", null);
        Assert.Equal(AlertOperationOutcome.AlreadyResolved, (await inbox.ResolveAsync(id, "ana", null)).Outcome);
        Assert.Equal(AlertOperationOutcome.AlreadyResolved, (await inbox.AcknowledgeAsync(id, "ana")).Outcome);
        Assert.Equal(AlertOperationOutcome.NotFound, (await inbox.AcknowledgeAsync("alert-999", "ana")).Outcome);
        Assert.Equal(AlertOperationOutcome.NotFound, (await inbox.ResolveAsync("alert-999", "ana", null)).Outcome);
        Assert.Null(await inbox.GetAsync("alert-999"));
    }

    [Fact]
    public async Task ResolvingAnOpenAlertAcknowledgesItAtTheSameTime()
    {
        var inbox = await NewInboxAsync();
        var id = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;

        var resolved = (await inbox.ResolveAsync(id, "ana", "false alarm")).Alert!;

        Assert.Equal(("ana", "ana"), (resolved.AcknowledgedBy, resolved.ResolvedBy));
        Assert.Equal(resolved.ResolvedAt, resolved.AcknowledgedAt);
    }

    [Fact]
    public async Task ARedeliveredRecommendationOrASecondOpeningOfTheSameFindingAddsNothing()
    {
        var inbox = await NewInboxAsync();
        var recommendation = Finding("p-1", "f-1");

        var first = await inbox.OpenAsync(recommendation);
        Assert.Equal(new AlertOpenResult(AlertOpenOutcome.Duplicate, null), await inbox.OpenAsync(recommendation));
        Assert.Equal(new AlertOpenResult(AlertOpenOutcome.Duplicate, first.AlertId), await inbox.OpenAsync(Finding("p-1", "f-1", sequence: 1)));

        // The same finding id of another patient is another alert.
        Assert.Equal(AlertOpenOutcome.Opened, (await inbox.OpenAsync(Finding("p-2", "f-1"))).Outcome);
        Assert.Equal(2, (await inbox.ListAsync(AlertStatus.Open, 10)).Alerts.Length);
    }

    [Fact]
    public async Task AnEscalatedFindingRaisesItsAlertInsteadOfAddingAnother()
    {
        var inbox = await NewInboxAsync();
        var opened = await inbox.OpenAsync(Finding("p-1", "f-1", severity: RecommendationSeverity.Medium));
        var before = (await inbox.GetAsync(opened.AlertId!))!;

        var raised = await inbox.OpenAsync(Finding("p-1", "f-1", RecommendationTransition.Escalated, RecommendationSeverity.High, sequence: 1));
        var lower = await inbox.OpenAsync(Finding("p-1", "f-1", RecommendationTransition.Escalated, RecommendationSeverity.Low, sequence: 2));

        Assert.Equal(new AlertOpenResult(AlertOpenOutcome.SeverityRaised, opened.AlertId), raised);
        Assert.Equal(AlertOpenOutcome.Duplicate, lower.Outcome);
        var alert = Assert.Single((await inbox.ListAsync(null, 10)).Alerts);
        Assert.Equal(RecommendationSeverity.High, alert.Severity);
        Assert.NotNull(alert.SeverityRaisedAt);

        // The higher severity's shorter deadline applies at once.
        Assert.True(alert.EscalatesAt < before.EscalatesAt);
    }

    [Fact]
    public async Task AnEscalationWithNoActiveAlertOpensOne()
    {
        var inbox = await NewInboxAsync();

        var result = await inbox.OpenAsync(Finding("p-1", "f-1", RecommendationTransition.Escalated));

        Assert.Equal(AlertOpenOutcome.Opened, result.Outcome);
    }

    [Fact]
    public async Task AResolvedFindingResolvesItsAlertByItself()
    {
        var inbox = await NewInboxAsync();
        var opened = await inbox.OpenAsync(Finding("p-1", "f-1"));
        await inbox.AcknowledgeAsync(opened.AlertId!, "ana");

        var resolved = await inbox.OpenAsync(Finding("p-1", "f-1", RecommendationTransition.Resolved, sequence: 1));
        var unknown = await inbox.OpenAsync(Finding("p-1", "f-other", RecommendationTransition.Resolved, sequence: 1));

        Assert.Equal(new AlertOpenResult(AlertOpenOutcome.AutoResolved, opened.AlertId), resolved);
        Assert.Equal(AlertOpenOutcome.Ignored, unknown.Outcome);
        var alert = (await inbox.GetAsync(opened.AlertId!))!;
        Assert.Equal((AlertStatus.Resolved, true, null), (alert.Status, alert.AutoResolved, alert.ResolvedBy));
        Assert.Equal(AlertOperationOutcome.AlreadyResolved, (await inbox.ResolveAsync(alert.AlertId, "ana", null)).Outcome);
    }

    [Fact]
    public async Task ALateOpeningOfAFindingSomeoneClosedIsNotAlertedAgain()
    {
        var inbox = await NewInboxAsync();
        var id = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;
        await inbox.ResolveAsync(id, "ana", null);

        var late = await inbox.OpenAsync(Finding("p-1", "f-1", sequence: 7));
        var worse = await inbox.OpenAsync(Finding("p-1", "f-1", RecommendationTransition.Escalated, sequence: 8));

        Assert.Equal(AlertOpenOutcome.Duplicate, late.Outcome);
        Assert.Equal(AlertOpenOutcome.Opened, worse.Outcome); // the finding got worse after the close: a new alert
    }

    [Fact]
    public async Task TheListPutsTheMostSevereAndOldestFirstAndHonoursTheLimit()
    {
        var inbox = await NewInboxAsync();
        var low = (await inbox.OpenAsync(Finding("p-1", "f-low", severity: RecommendationSeverity.Low))).AlertId!;
        var high1 = (await inbox.OpenAsync(Finding("p-1", "f-high-1"))).AlertId!;
        var medium = (await inbox.OpenAsync(Finding("p-1", "f-medium", severity: RecommendationSeverity.Medium))).AlertId!;
        var high2 = (await inbox.OpenAsync(Finding("p-1", "f-high-2"))).AlertId!;
        var gone1 = (await inbox.OpenAsync(Finding("p-1", "f-gone-1"))).AlertId!;
        var gone2 = (await inbox.OpenAsync(Finding("p-1", "f-gone-2"))).AlertId!;
        await inbox.ResolveAsync(gone1, "ana", null);
        await inbox.ResolveAsync(gone2, "ana", null);
        await inbox.AcknowledgeAsync(medium, "ana");

        Assert.Equal([high1, high2, medium, low], (await inbox.ListAsync(null, 4)).Ids());
        Assert.Equal([high1, high2, low], (await inbox.ListAsync(AlertStatus.Open, 10)).Ids());
        Assert.Equal([medium], (await inbox.ListAsync(AlertStatus.Acknowledged, 10)).Ids());
        Assert.Equal([gone2, gone1], (await inbox.ListAsync(AlertStatus.Resolved, 10)).Ids());
        Assert.Equal([high1], (await inbox.ListAsync(AlertStatus.Open, 1)).Ids());
        var page = await inbox.ListAsync(null, 100);
        Assert.Equal((3, 1, 2, 6), (page.Open, page.Acknowledged, page.Resolved, page.Alerts.Length));
    }

    [Fact]
    public async Task TheInboxSurvivesDeactivation()
    {
        var inbox = await NewInboxAsync();
        var recommendation = Finding("p-1", "f-1");
        var id = (await inbox.OpenAsync(recommendation)).AlertId!;
        await inbox.AcknowledgeAsync(id, "ana");

        await fixture.Cluster.DeactivateAsync(inbox);

        Assert.Equal(AlertStatus.Acknowledged, (await inbox.GetAsync(id))!.Status);
        Assert.Equal(AlertOpenOutcome.Duplicate, (await inbox.OpenAsync(recommendation)).Outcome);
        Assert.Equal("alert-2", (await inbox.OpenAsync(Finding("p-1", "f-2"))).AlertId);
    }

    [Fact]
    public async Task ObserversHearOfEveryChangeOnceItIsSaved()
    {
        var inbox = await NewInboxAsync();
        var observer = new RecordingObserver();
        var reference = _grains.CreateObjectReference<ICareTeamInboxObserver>(observer);
        await inbox.SubscribeAsync(reference);

        var id = (await inbox.OpenAsync(Finding("p-1", "f-1"))).AlertId!;
        await inbox.AcknowledgeAsync(id, "ana");
        await inbox.ResolveAsync(id, "ana", null);

        // Observer calls are one-way and may overtake each other; the version is what orders them for a listener.
        var changes = (await observer.WaitForAsync(3).WaitAsync(TimeSpan.FromSeconds(10))).OrderBy(c => c.Version).ToArray();
        Assert.Equal([1L, 2L, 3L], changes.Select(c => c.Version));
        Assert.Equal([AlertStatus.Open, AlertStatus.Acknowledged, AlertStatus.Resolved], changes.Select(c => c.Alert.Status));

        await inbox.UnsubscribeAsync(reference);
        GC.KeepAlive(observer);
    }

    private async Task<ICareTeamInboxGrain> NewInboxAsync()
    {
        var teamId = Samples.NewId("team");
        await _grains.GetGrain<ICareTeamGrain>(teamId).DefineAsync(Team(Ana, Bruno));
        return _grains.GetGrain<ICareTeamInboxGrain>(teamId);
    }

    private sealed class RecordingObserver : ICareTeamInboxObserver
    {
        private readonly Lock _gate = new();
        private readonly List<AlertChange> _changes = [];
        private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<AlertChange>> Done)> _waiters = [];

        public void AlertChanged(AlertChange change)
        {
            lock (_gate)
            {
                _changes.Add(change);
                foreach (var waiter in _waiters.Where(w => _changes.Count >= w.Count).ToArray())
                {
                    waiter.Done.TrySetResult([.. _changes]);
                    _waiters.Remove(waiter);
                }
            }
        }

        public Task<IReadOnlyList<AlertChange>> WaitForAsync(int count)
        {
            lock (_gate)
            {
                if (_changes.Count >= count)
                {
                    return Task.FromResult<IReadOnlyList<AlertChange>>([.. _changes]);
                }

                var done = new TaskCompletionSource<IReadOnlyList<AlertChange>>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, done));
                return done.Task;
            }
        }
    }
}
