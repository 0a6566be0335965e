using System.Globalization;
using Microsoft.Extensions.Logging;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// Recommendations into alerts: an opening adds an alert (one per finding while it is active), an escalation raises
/// the finding's alert, a resolution resolves it. Idempotent by recommendation id (the last
/// <see cref="Common.RecentIds.Capacity"/>) and by finding.
/// </summary>
public sealed partial class CareTeamInboxGrain
{
    public async ValueTask<AlertOpenResult> OpenAsync(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (State.Processed.Contains(recommendation.Id))
        {
            return new AlertOpenResult(AlertOpenOutcome.Duplicate, null);
        }

        var now = time.GetUtcNow();
        var index = State.FindActive(recommendation.PatientId, recommendation.FindingId);
        AlertOpenResult result;
        if (recommendation.Transition == RecommendationTransition.Resolved)
        {
            result = index < 0 ? new AlertOpenResult(AlertOpenOutcome.Ignored, null) : AutoResolve(index, recommendation, now);
        }
        else if (index >= 0)
        {
            result = await RaiseAsync(index, recommendation, now);
        }
        else if (recommendation.Transition == RecommendationTransition.Opened && State.WasResolved(recommendation.PatientId, recommendation.FindingId))
        {
            // A finding opens once: this is a late redelivery of an alert someone already closed.
            result = new AlertOpenResult(AlertOpenOutcome.Duplicate, null);
        }
        else if (State.Active.Count >= CareTeamLimits.MaxActiveAlerts)
        {
            State.Overflow++;
            LogOverflow(logger, TeamId, State.Overflow);
            result = new AlertOpenResult(AlertOpenOutcome.Overflow, null);
        }
        else
        {
            result = await AddAsync(recommendation, now);
        }

        State.Processed.Add(recommendation.Id);
        if (result.Outcome is not (AlertOpenOutcome.Duplicate or AlertOpenOutcome.Ignored))
        {
            await SaveAsync();
            await ScheduleEscalationAsync();
        }

        return result;
    }

    private async Task<AlertOpenResult> AddAsync(Recommendation recommendation, DateTimeOffset now)
    {
        var deadlines = await DeadlinesAsync();
        var alert = new CareTeamAlert(
            AlertId: string.Create(CultureInfo.InvariantCulture, $"alert-{State.NextAlertNumber++}"),
            PatientId: recommendation.PatientId,
            FindingId: recommendation.FindingId,
            Kind: recommendation.Kind,
            Severity: recommendation.Severity,
            Status: AlertStatus.Open,
            Summary: recommendation.EvidenceSummary,
            SuggestedAction: recommendation.SuggestedAction,
            WearableId: recommendation.WearableId,
            DetectedAt: recommendation.CreatedAt,
            OpenedAt: now,
            SeverityRaisedAt: null,
            EscalationLevel: 0,
            Escalations: [],
            EscalatesAt: now + deadlines.For(recommendation.Severity));
        State.Active.Add(alert);
        Changed(alert);
        return new AlertOpenResult(AlertOpenOutcome.Opened, alert.AlertId);
    }

    /// <summary>
    /// The finding already has an active alert: a more severe report raises it (and, while nobody has taken it,
    /// brings its deadline forward to the new severity's); anything else is a repeat.
    /// </summary>
    private async Task<AlertOpenResult> RaiseAsync(int index, Recommendation recommendation, DateTimeOffset now)
    {
        var alert = State.Active[index];
        if (recommendation.Severity <= alert.Severity)
        {
            return new AlertOpenResult(AlertOpenOutcome.Duplicate, alert.AlertId);
        }

        DateTimeOffset? escalatesAt = null;
        if (alert.Status == AlertStatus.Open)
        {
            var sooner = now + (await DeadlinesAsync()).For(recommendation.Severity);
            escalatesAt = alert.EscalatesAt is { } current && current < sooner ? current : sooner;
        }

        alert = alert with
        {
            Severity = recommendation.Severity,
            SeverityRaisedAt = now,
            Summary = recommendation.EvidenceSummary,
            SuggestedAction = recommendation.SuggestedAction,
            EscalatesAt = escalatesAt,
        };
        State.Active[index] = alert;
        Changed(alert);
        return new AlertOpenResult(AlertOpenOutcome.SeverityRaised, alert.AlertId);
    }

    private AlertOpenResult AutoResolve(int index, Recommendation recommendation, DateTimeOffset now)
    {
        var alert = State.Active[index] with
        {
            Status = AlertStatus.Resolved,
            ResolvedAt = now,
            ResolutionNote = recommendation.EvidenceSummary,
            AutoResolved = true,
            EscalatesAt = null,
        };
        State.MoveToResolved(index, alert);
        Changed(alert);
        return new AlertOpenResult(AlertOpenOutcome.AutoResolved, alert.AlertId);
    }

    /// <summary>The team's deadlines; an inbox whose team is not (yet) defined uses the defaults.</summary>
    private async Task<AcknowledgeDeadlines> DeadlinesAsync()
        => (await GrainFactory.GetGrain<ICareTeamGrain>(TeamId).GetAsync())?.Definition.AcknowledgeWithin ?? AcknowledgeDeadlines.Default;

    [LoggerMessage(EventId = 4200, Level = LogLevel.Warning,
        Message = "Care team {TeamId} inbox is full; an alert was not kept ({Overflow} so far)")]
    private static partial void LogOverflow(ILogger logger, string teamId, long overflow);
}
