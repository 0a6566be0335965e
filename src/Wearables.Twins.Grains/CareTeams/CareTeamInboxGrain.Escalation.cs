using System.Globalization;
using Microsoft.Extensions.Logging;
using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// Escalation: one reminder per inbox, due at the earliest acknowledge deadline among open alerts. When it fires,
/// every open alert past its deadline pages the next contact of the chain (level + 1, recorded on the alert) and
/// gets a fresh deadline; the page leaves as a notice through an outbox in the state (at least once; consumers
/// deduplicate by notice id). The reminder is moved to the next deadline, or removed when nothing is pending.
/// </summary>
public sealed partial class CareTeamInboxGrain
{
    internal const string EscalationReminder = "care-team-escalation";

    /// <summary>A deadline this close counts as passed, so a reminder firing a hair early does not need another round.</summary>
    private static readonly TimeSpan DueTolerance = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan OutboxRetry = TimeSpan.FromSeconds(10);

    private IGrainReminder? _reminder;

    /// <summary>When the registered reminder is due; null when none is registered by this activation.</summary>
    private DateTimeOffset? _scheduledFor;

    private IGrainTimer? _outboxTimer;

    /// <summary>The reminder's period only matters when a tick fails: it is the retry interval.</summary>
    private TimeSpan ReminderPeriod
        => reminderOptions.Value.MinimumReminderPeriod > TimeSpan.FromMinutes(1) ? reminderOptions.Value.MinimumReminderPeriod : TimeSpan.FromMinutes(1);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.NextEscalation() is { } next)
        {
            // Reminders outlive activations; one is missing only when a crash fell between a state write and its registration.
            _reminder = await this.GetReminder(EscalationReminder, cancellationToken);
            if (_reminder is null)
            {
                await RegisterReminderAsync(next);
            }
        }

        if (State.Outbox.Count > 0)
        {
            ScheduleOutboxRetry();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!string.Equals(reminderName, EscalationReminder, StringComparison.Ordinal))
        {
            return;
        }

        await EscalateDueAlertsAsync();
        await DrainOutboxAsync();
        if (State.NextEscalation() is { } next)
        {
            await RegisterReminderAsync(next);
        }
        else
        {
            await UnregisterReminderAsync();
        }
    }

    /// <summary>Makes sure the reminder fires no later than the earliest deadline (after an alert opened or was raised).</summary>
    private async Task ScheduleEscalationAsync()
    {
        if (State.NextEscalation() is { } next && (_scheduledFor is not { } scheduled || next < scheduled))
        {
            await RegisterReminderAsync(next);
        }
    }

    /// <summary>Removes the reminder once no open alert is waiting (after an acknowledgement or a resolution).</summary>
    private async Task UnscheduleIfIdleAsync()
    {
        if (State.NextEscalation() is null && (_reminder is not null || _scheduledFor is not null))
        {
            await UnregisterReminderAsync();
        }
    }

    private async Task EscalateDueAlertsAsync()
    {
        var now = time.GetUtcNow();
        var horizon = now + DueTolerance;
        if (!State.Active.Exists(a => IsDue(a, horizon)))
        {
            return;
        }

        var team = await GrainFactory.GetGrain<ICareTeamGrain>(TeamId).GetAsync();
        var chain = team?.Definition.EscalationChain ?? [];
        var deadlines = team?.Definition.AcknowledgeWithin ?? AcknowledgeDeadlines.Default;
        for (var i = 0; i < State.Active.Count; i++)
        {
            var alert = State.Active[i];
            if (!IsDue(alert, horizon))
            {
                continue;
            }

            if (team is null || alert.EscalationLevel >= chain.Length)
            {
                // Everyone in the chain was paged (or there is no chain): the alert waits in the inbox.
                alert = alert with { EscalatesAt = null };
                LogChainExhausted(logger, TeamId, alert.AlertId, alert.EscalationLevel);
            }
            else
            {
                var contact = chain[alert.EscalationLevel];
                var level = alert.EscalationLevel + 1;
                alert = alert with
                {
                    EscalationLevel = level,
                    Escalations = alert.Escalations.Add(new AlertEscalation(level, contact.Id, contact.Name, now)),
                    EscalatesAt = now + deadlines.For(alert.Severity),
                };
                State.Enqueue(new CareTeamEscalationNotice(
                    string.Create(CultureInfo.InvariantCulture, $"{TeamId}/{alert.AlertId}/escalation/{level}"),
                    TeamId, team.Definition.DisplayName, alert.AlertId, level, contact, alert.PatientId, alert.Kind,
                    alert.Severity, alert.Summary, alert.SuggestedAction, alert.OpenedAt, now));
                LogEscalated(logger, TeamId, alert.AlertId, level);
            }

            State.Active[i] = alert;
            Changed(alert);
        }

        await SaveAsync();
    }

    private static bool IsDue(CareTeamAlert alert, DateTimeOffset horizon)
        => alert.Status == AlertStatus.Open && alert.EscalatesAt is { } at && at <= horizon;

    private async Task DrainOutboxAsync()
    {
        var published = 0;
        while (State.Outbox.Count > 0)
        {
            try
            {
                await escalations.PublishAsync(State.Outbox[0]);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOutboxRetry(logger, ex, TeamId, State.Outbox.Count);
                ScheduleOutboxRetry();
                break;
            }

            State.Outbox.RemoveAt(0);
            published++;
        }

        if (published > 0)
        {
            await state.WriteStateAsync();
        }
    }

    private void ScheduleOutboxRetry()
        => _outboxTimer ??= this.RegisterGrainTimer(RetryOutboxAsync, new GrainTimerCreationOptions(OutboxRetry, Timeout.InfiniteTimeSpan));

    private async Task RetryOutboxAsync(CancellationToken cancellationToken)
    {
        _outboxTimer?.Dispose();
        _outboxTimer = null;
        await DrainOutboxAsync();
    }

    private async Task RegisterReminderAsync(DateTimeOffset due)
    {
        var dueIn = due - time.GetUtcNow();
        _reminder = await this.RegisterOrUpdateReminder(EscalationReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, ReminderPeriod);
        _scheduledFor = due;
    }

    private async Task UnregisterReminderAsync()
    {
        var reminder = _reminder ?? await this.GetReminder(EscalationReminder);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminder = null;
        _scheduledFor = null;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information,
        Message = "Care team {TeamId} alert {AlertId} was not acknowledged in time; escalated to level {Level}")]
    private static partial void LogEscalated(ILogger logger, string teamId, string alertId, int level);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning,
        Message = "Care team {TeamId} alert {AlertId} is still unacknowledged and nobody is left to page after level {Level}")]
    private static partial void LogChainExhausted(ILogger logger, string teamId, string alertId, int level);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning,
        Message = "Care team {TeamId} could not publish its escalation notices ({Pending} pending); retrying")]
    private static partial void LogOutboxRetry(ILogger logger, Exception exception, string teamId, int pending);
}
