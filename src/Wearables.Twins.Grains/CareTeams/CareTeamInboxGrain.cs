using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// A care team's alert inbox. Every change is written before the call returns (alerts are rare and must survive
/// a crash), reported to observers, and, for open alerts, backed by a reminder at the next acknowledge deadline
/// (see the Escalation part). It calls only the team grain, which calls nobody, so no call cycle can form.
/// </summary>
public sealed partial class CareTeamInboxGrain(
    [PersistentState("careTeamInbox", StorageNames.Twins)] IPersistentState<CareTeamInboxState> state,
    ICareTeamEscalationPublisher escalations,
    TimeProvider time,
    IOptions<ReminderOptions> reminderOptions,
    ILogger<CareTeamInboxGrain> logger) : Grain, ICareTeamInboxGrain, IRemindable
{
    private readonly ObserverManager<ICareTeamInboxObserver> _observers = new(CareTeamLimits.ObserverLease, logger);

    /// <summary>Changes made in this turn, told to observers once they are written.</summary>
    private readonly List<AlertChange> _unannounced = [];

    private CareTeamInboxState State => state.State;

    private string TeamId => this.GetPrimaryKeyString();

    public ValueTask<AlertPage> ListAsync(AlertStatus? status, int limit)
    {
        limit = Math.Clamp(limit, 1, CareTeamLimits.MaxListLimit);
        IEnumerable<CareTeamAlert> active = State.Active
            .OrderByDescending(a => a.Severity)
            .ThenBy(a => a.OpenedAt);
        IEnumerable<CareTeamAlert> resolved = Enumerable.Reverse(State.Resolved);
        var selected = status switch
        {
            null => active.Concat(resolved),
            AlertStatus.Resolved => resolved,
            _ => active.Where(a => a.Status == status),
        };
        var open = State.Active.Count(a => a.Status == AlertStatus.Open);
        return ValueTask.FromResult(new AlertPage(
            [.. selected.Take(limit)], open, State.Active.Count - open, State.Resolved.Count, State.Overflow, State.Version));
    }

    public ValueTask<CareTeamAlert?> GetAsync(string alertId)
    {
        var index = State.FindActive(alertId);
        return ValueTask.FromResult(index >= 0 ? State.Active[index] : State.FindResolved(alertId));
    }

    public async ValueTask<AlertOperationResult> AcknowledgeAsync(string alertId, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var index = State.FindActive(alertId);
        if (index < 0)
        {
            return NotActive(alertId);
        }

        var alert = State.Active[index];
        if (alert.Status == AlertStatus.Acknowledged)
        {
            return new AlertOperationResult(AlertOperationOutcome.AlreadyAcknowledged, alert);
        }

        alert = alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = by, AcknowledgedAt = time.GetUtcNow(), EscalatesAt = null };
        State.Active[index] = alert;
        Changed(alert);
        await SaveAsync();
        await UnscheduleIfIdleAsync();
        return new AlertOperationResult(AlertOperationOutcome.Done, alert);
    }

    public async ValueTask<AlertOperationResult> ResolveAsync(string alertId, string by, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var index = State.FindActive(alertId);
        if (index < 0)
        {
            return NotActive(alertId);
        }

        var now = time.GetUtcNow();
        var alert = State.Active[index];
        alert = alert with
        {
            Status = AlertStatus.Resolved,
            AcknowledgedBy = alert.AcknowledgedBy ?? by,
            AcknowledgedAt = alert.AcknowledgedAt ?? now,
            ResolvedBy = by,
            ResolvedAt = now,
            ResolutionNote = note,
            EscalatesAt = null,
        };
        State.MoveToResolved(index, alert);
        Changed(alert);
        await SaveAsync();
        await UnscheduleIfIdleAsync();
        return new AlertOperationResult(AlertOperationOutcome.Done, alert);
    }

    public ValueTask SubscribeAsync(ICareTeamInboxObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask UnsubscribeAsync(ICareTeamInboxObserver observer)
    {
        _observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    private AlertOperationResult NotActive(string alertId)
        => State.FindResolved(alertId) is { } resolved
            ? new AlertOperationResult(AlertOperationOutcome.AlreadyResolved, resolved)
            : new AlertOperationResult(AlertOperationOutcome.NotFound, null);

    private void Changed(CareTeamAlert alert)
    {
        State.Version++;
        _unannounced.Add(new AlertChange(TeamId, State.Version, alert));
    }

    /// <summary>Writes the state, then tells observers what changed (one-way calls: a slow dashboard never holds up the inbox).</summary>
    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
            if (_observers.Count > 0)
            {
                foreach (var change in _unannounced)
                {
                    _observers.Notify(o => o.AlertChanged(change));
                }
            }
        }
        finally
        {
            _unannounced.Clear();
        }
    }
}
