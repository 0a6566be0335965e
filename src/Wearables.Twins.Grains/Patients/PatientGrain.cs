using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Wearables.Twins.History;
using Wearables.Twins.Recommendations;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Risk.Grains;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Patients;

/// <summary>
/// The twin of one patient: the latest value and a bounded recent window per vital. State is written by
/// checkpoints (<see cref="FlushAsync"/>) and on deactivation, never once per sample; anything newer is
/// rebuilt from the telemetry log after a crash.
/// </summary>
public sealed partial class PatientGrain(
    [PersistentState("patient", StorageNames.Twins)] IPersistentState<PatientState> state,
    TimeProvider time,
    IHistorySink history,
    PatientRiskMonitor risk,
    IRecommendationPublisher recommendations,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain, IPatientRiskGrain
{
    /// <summary>Reused for every batch (the sink copies before the turn ends): what this turn accepted, for the lake.</summary>
    private VitalSample[] _toHistory = [];
    private bool _dirty;

    /// <summary>Differs between activations: a sender that sees it change knows in-memory samples were lost.</summary>
    private readonly long _incarnation = Incarnations.Next();

    private PatientState State => state.State;

    public async ValueTask<RecordResult> RecordAsync(SampleBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Redelivered)
        {
            // The twin's saved state may be newer than the lake's last flush: the lake gets them all again and
            // keeps each measurement once.
            await history.AppendAsync(this.GetPrimaryKeyString(), batch.WearableId, batch.Samples.AsMemory());
        }

        if (batch.MessageId is not null && !State.RecentMessages.Add($"{batch.WearableId}/{batch.MessageId}"))
        {
            return new RecordResult(0, batch.Samples.Length) { Incarnation = _incarnation };
        }

        int added = 0, duplicates = 0, toHistory = 0;
        if (_toHistory.Length < batch.Samples.Length)
        {
            _toHistory = new VitalSample[batch.Samples.Length];
        }

        foreach (var sample in batch.Samples)
        {
            var result = WindowFor(sample.Type).Insert(sample);
            switch (result)
            {
                case InsertResult.Added or InsertResult.Replaced:
                    added++;
                    break;
                case InsertResult.Duplicate or InsertResult.Superseded:
                    duplicates++;
                    break;
                case InsertResult.OlderThanWindow:
                    State.OlderThanWindow++;
                    break;
            }

            // History keeps every source's report (a superseded one too) and backfills too old for the window;
            // only an exact repeat the twin already holds is left out. The lake deduplicates the rest.
            if (result != InsertResult.Duplicate)
            {
                _toHistory[toHistory++] = sample;
            }
        }

        if (toHistory > 0)
        {
            ObserveForRisk(_toHistory.AsSpan(0, toHistory));
            if (!batch.Redelivered)
            {
                await history.AppendAsync(this.GetPrimaryKeyString(), batch.WearableId, _toHistory.AsMemory(0, toHistory));
            }
        }

        if (added > 0)
        {
            State.Samples += added;
            State.LastUpdate = time.GetUtcNow();
        }

        _dirty = true;
        return new RecordResult(added, duplicates) { Incarnation = _incarnation };
    }

    public async ValueTask AttachWearableAsync(string wearableId)
    {
        if (!State.Wearables.Contains(wearableId, StringComparer.Ordinal))
        {
            State.Wearables.Add(wearableId);
            await WriteAsync();
        }
    }

    public async ValueTask DetachWearableAsync(string wearableId)
    {
        if (State.Wearables.Remove(wearableId))
        {
            await WriteAsync();
        }
    }

    public ValueTask<PatientStatus?> GetStatusAsync()
    {
        if (!State.IsKnown)
        {
            return ValueTask.FromResult<PatientStatus?>(null);
        }

        var latest = ImmutableArray.CreateBuilder<LatestVital>(State.Windows.Count);
        foreach (var vital in VitalCatalog.All)
        {
            if (State.Windows.TryGetValue(vital.Type.Id, out var window) && window.Count > 0)
            {
                double? dayTotal = vital.Summary == VitalSummary.SumPerDay ? window.DayTotal(vital) : null;
                latest.Add(new LatestVital(window.Newest, window.Total, dayTotal));
            }
        }

        return ValueTask.FromResult<PatientStatus?>(new PatientStatus(
            this.GetPrimaryKeyString(), [.. State.Wearables], State.LastUpdate, latest.DrainToImmutable(), State.Samples));
    }

    public ValueTask<ImmutableArray<VitalSample>> GetVitalsAsync(VitalType type, DateTimeOffset from, DateTimeOffset to)
        => ValueTask.FromResult(State.Windows.TryGetValue(type.Id, out var window) ? window.Range(from, to) : []);

    public async ValueTask<long> FlushAsync()
    {
        if (_dirty)
        {
            await WriteAsync();
        }

        return _incarnation;
    }

    public async ValueTask<PatientErasure> EraseAsync()
    {
        var erasure = new PatientErasure([.. State.Wearables], State.Samples, State.Windows.Values.Sum(w => w.Count),
            State.Risk.Findings.OpenFindings.Count(), State.Outbox.Count);
        _riskTimer?.Dispose();
        _outboxTimer?.Dispose();
        await state.ClearStateAsync();
        _dirty = false;
        DeactivateOnIdle();
        return erasure;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception ex)
        {
            // The telemetry log still holds these samples until a checkpoint confirms them, so nothing is lost.
            LogFlushOnDeactivateFailed(logger, ex, this.GetPrimaryKeyString());
        }
    }

    private VitalWindow WindowFor(VitalType type)
    {
        if (!State.Windows.TryGetValue(type.Id, out var window))
        {
            window = new VitalWindow(type.Definition.WindowCapacity);
            State.Windows[type.Id] = window;
        }

        return window;
    }

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "Patient twin {PatientId} could not persist on deactivation; the telemetry log still holds its samples")]
    private static partial void LogFlushOnDeactivateFailed(ILogger logger, Exception exception, string patientId);
}
