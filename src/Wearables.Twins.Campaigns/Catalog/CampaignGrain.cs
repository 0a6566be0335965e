using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Campaigns.Definitions;

namespace Wearables.Twins.Campaigns.Catalog;

/// <inheritdoc cref="ICampaignGrain"/>
/// <remarks>
/// State is written when the definition, the state or a run changes; delivery counters (one call per message) are
/// buffered and written by a timer and on deactivation, so a large run does not cost one storage write per message.
/// </remarks>
public sealed partial class CampaignGrain(
    [PersistentState("campaign", CampaignStorage.Name)] IPersistentState<CampaignState> state,
    ILogger<CampaignGrain> logger) : Grain, ICampaignGrain
{
    private static readonly TimeSpan CounterFlushDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _flushTimer;
    private bool _dirty;

    private CampaignState State => state.State;

    private string CampaignId => this.GetPrimaryKeyString();

    public async ValueTask<bool> DefineAsync(CampaignDefinition definition, CampaignActivity activity, int membershipShards, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (State.Definition is not null)
        {
            return false;
        }

        if (!string.Equals(definition.Id, CampaignId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Definition id '{definition.Id}' does not match campaign '{CampaignId}'.", nameof(definition));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(membershipShards, 1);
        State.Definition = definition;
        State.Activity = activity;
        State.CreatedAt = now;
        State.StateChangedAt = now;
        State.MembershipShards = membershipShards;
        await WriteAsync();
        return true;
    }

    public ValueTask<CampaignStatus?> GetAsync() => ValueTask.FromResult(Status());

    public async ValueTask<CampaignStatus?> SetStateAsync(CampaignActivity activity, DateTimeOffset now)
    {
        if (State.Definition is not { } definition)
        {
            return null;
        }

        if (State.Activity != activity)
        {
            State.Activity = activity;
            State.StateChangedAt = now;
            if (activity == CampaignActivity.Active)
            {
                // Slots that passed while paused are skipped: resuming is not a reason to message everyone at once.
                State.LastScheduledSlot = definition.Schedule.LatestSlot(now);
            }

            await WriteAsync();
        }

        return Status();
    }

    public ValueTask<bool> IsActiveAsync()
        => ValueTask.FromResult(State.Definition is not null && State.Activity == CampaignActivity.Active);

    public async ValueTask<RunStart> BeginRunAsync(DateTimeOffset now, bool manual, TimeSpan lease)
    {
        if (State.Definition is not { } definition)
        {
            return new RunStart(RunStartOutcome.Unknown);
        }

        if (State.Activity == CampaignActivity.Paused)
        {
            return new RunStart(RunStartOutcome.Paused);
        }

        if (State.RunningRunId is not null && State.RunLeaseUntil > now)
        {
            return new RunStart(RunStartOutcome.AlreadyRunning);
        }

        DateTimeOffset? slot = null;
        if (!manual)
        {
            if (now < NextScheduledRun(definition))
            {
                return new RunStart(RunStartOutcome.NotDue);
            }

            slot = definition.Schedule.LatestSlot(now);
            State.LastScheduledSlot = slot;
        }

        if (State.RunningRunId is { } expired)
        {
            LogLeaseExpired(logger, CampaignId, expired);
            State.FailedRuns++;
        }

        var runId = string.Create(CultureInfo.InvariantCulture, $"r{now.UtcDateTime:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}");
        State.RunningRunId = runId;
        State.RunningSince = now;
        State.RunLeaseUntil = now + lease;
        await WriteAsync();
        return new RunStart(RunStartOutcome.Started, new RunTicket(runId, definition, now, slot, State.MembershipShards));
    }

    public async ValueTask CompleteRunAsync(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.Equals(State.RunningRunId, report.RunId, StringComparison.Ordinal))
        {
            ClearLease();
        }
        else if (State.LastRun?.RunId == report.RunId)
        {
            return;
        }

        State.Runs++;
        State.LastRunAt = report.StartedAt;
        State.LastRun = report;
        State.Matched += report.Matched;
        State.Enrolled += report.Enrolled;
        State.Queued += report.Queued;
        State.Exited += report.Exited;
        State.StillMatching = report.StillMatching;
        foreach (var (reason, count) in report.Skipped)
        {
            State.Skipped[reason] = State.Skipped.GetValueOrDefault(reason) + count;
        }

        await WriteAsync();
    }

    public async ValueTask AbandonRunAsync(string runId)
    {
        if (string.Equals(State.RunningRunId, runId, StringComparison.Ordinal))
        {
            ClearLease();
            State.FailedRuns++;
            await WriteAsync();
        }
    }

    public ValueTask RecordDeliveredAsync()
    {
        State.Messaged++;
        MarkDirty();
        return ValueTask.CompletedTask;
    }

    public ValueTask RecordDeliveryDroppedAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        State.DeliveryDropped[reason] = State.DeliveryDropped.GetValueOrDefault(reason) + 1;
        MarkDirty();
        return ValueTask.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            try
            {
                await WriteAsync();
            }
            catch (Exception ex)
            {
                LogCounterFlushFailed(logger, ex, CampaignId);
            }
        }
    }

    private DateTimeOffset NextScheduledRun(CampaignDefinition definition)
        => definition.Schedule.NextSlot(State.LastScheduledSlot is { } last && last > State.CreatedAt ? last : State.CreatedAt);

    private void ClearLease()
    {
        State.RunningRunId = null;
        State.RunningSince = null;
        State.RunLeaseUntil = null;
    }

    private void MarkDirty()
    {
        _dirty = true;
        _flushTimer ??= this.RegisterGrainTimer(FlushCountersAsync, new GrainTimerCreationOptions(CounterFlushDelay, Timeout.InfiniteTimeSpan));
    }

    private async Task FlushCountersAsync(CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        if (_dirty)
        {
            await WriteAsync();
        }
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }

    private CampaignStatus? Status()
    {
        if (State.Definition is not { } definition)
        {
            return null;
        }

        var counts = new CampaignCounts(
            State.Runs, State.FailedRuns, State.Matched, State.Enrolled, State.Queued, State.Messaged,
            State.Skipped.ToImmutableDictionary(StringComparer.Ordinal), State.DeliveryDropped.ToImmutableDictionary(StringComparer.Ordinal),
            State.Exited, State.StillMatching);
        DateTimeOffset? next = State.Activity == CampaignActivity.Active ? NextScheduledRun(definition) : null;
        return new CampaignStatus(definition, State.Activity, State.CreatedAt, State.StateChangedAt, next, State.LastRunAt,
            State.RunningSince, counts, State.LastRun);
    }

    [LoggerMessage(EventId = 6330, Level = LogLevel.Warning, Message = "Campaign {CampaignId}: run {RunId} never reported back; its lease expired")]
    private static partial void LogLeaseExpired(ILogger logger, string campaignId, string runId);

    [LoggerMessage(EventId = 6331, Level = LogLevel.Warning, Message = "Campaign {CampaignId} could not persist its delivery counters on deactivation")]
    private static partial void LogCounterFlushFailed(ILogger logger, Exception exception, string campaignId);
}
