using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Wearables.Twins.Grains.Common;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Wearables;

/// <summary>
/// The twin of one wearable: its binding to a patient, what it says about itself, and what it sent.
/// Samples go on to the bound patient in the same batch they arrived in; before binding they are held.
/// </summary>
public sealed partial class WearableGrain(
    [PersistentState("wearable", StorageNames.Twins)] IPersistentState<WearableState> state,
    ILogger<WearableGrain> logger) : Grain, IWearableGrain
{
    private const int ForwardChunk = 1000;

    private readonly HashSet<string> _patientsToFlush = new(StringComparer.Ordinal);
    private bool _dirty;

    /// <summary>Differs between activations (see <see cref="IWearableGrain.FlushAsync"/>).</summary>
    private readonly long _incarnation = Incarnations.Next();

    private WearableState State => state.State;

    private string WearableId => this.GetPrimaryKeyString();

    public async ValueTask<RecordResult> RecordAsync(TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var isNew = State.RecentMessages.Add(batch.MessageId);
        NoteSeen(batch);
        if (isNew)
        {
            State.Messages++;
            State.Samples += batch.Samples.Length;
            foreach (var sample in batch.Samples)
            {
                State.SamplesByVital[sample.Type.Id] = State.SamplesByVital.GetValueOrDefault(sample.Type.Id) + 1;
            }
        }
        else
        {
            State.Duplicates += batch.Samples.Length;
        }

        _dirty = true;
        if (State.PatientId is { } patientId)
        {
            // Forwarded even when this twin saw the message before: the patient twin decides, because after a
            // crash its persisted state may be older than this one's.
            _patientsToFlush.Add(patientId);
            var result = await Patient(patientId).RecordAsync(
                new SampleBatch(WearableId, batch.MessageId, batch.Samples) { Redelivered = batch.Redelivered });
            return result with { Incarnation = _incarnation ^ result.Incarnation };
        }

        if (!isNew)
        {
            return new RecordResult(0, batch.Samples.Length) { Incarnation = _incarnation };
        }

        HoldUntilBound(batch.Samples);
        return new RecordResult(batch.Samples.Length, 0) { Incarnation = _incarnation };
    }

    public async ValueTask UnbindAsync(string patientId)
    {
        if (State.PatientId == patientId)
        {
            State.PatientId = null;
            _patientsToFlush.Remove(patientId);
            await WriteAsync();
        }
    }

    public async ValueTask<WearableStatus> BindAsync(string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        if (State.PatientId == patientId)
        {
            return Status();
        }

        if (State.PatientId is { } previous)
        {
            await Patient(previous).FlushAsync();
            await Patient(previous).DetachWearableAsync(WearableId);
        }

        var patient = Patient(patientId);
        await patient.AttachWearableAsync(WearableId);
        if (State.Pending.Count > 0)
        {
            for (var i = 0; i < State.Pending.Count; i += ForwardChunk)
            {
                var chunk = State.Pending.GetRange(i, Math.Min(ForwardChunk, State.Pending.Count - i));
                await patient.RecordAsync(new SampleBatch(WearableId, null, [.. chunk]));
            }

            // The patient must hold the samples durably before this twin forgets them.
            await patient.FlushAsync();
            LogPendingForwarded(logger, WearableId, State.Pending.Count);
            State.Pending.Clear();
        }

        State.PatientId = patientId;
        await WriteAsync();
        return Status();
    }

    public ValueTask<WearableStatus?> GetStatusAsync()
        => ValueTask.FromResult(State.IsKnown ? Status() : null);

    public async ValueTask<long> FlushAsync()
    {
        // Patients first: this twin's state must never claim more than its patients have persisted.
        var incarnation = _incarnation;
        foreach (var patientId in _patientsToFlush)
        {
            incarnation ^= await Patient(patientId).FlushAsync();
        }

        _patientsToFlush.Clear();
        if (_dirty)
        {
            await WriteAsync();
        }

        return incarnation;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception ex)
        {
            LogFlushOnDeactivateFailed(logger, ex, WearableId);
        }
    }

    private void NoteSeen(TelemetryBatch batch)
    {
        State.FirstSeen ??= batch.ReceivedAt;
        if (State.LastSeen is null || batch.ReceivedAt > State.LastSeen)
        {
            State.LastSeen = batch.ReceivedAt;
            if (batch.Device is { } device)
            {
                State.Vendor = device.Vendor ?? State.Vendor;
                State.Model = device.Model ?? State.Model;
                State.Firmware = device.Firmware ?? State.Firmware;
                State.BatteryPercent = device.BatteryPercent ?? State.BatteryPercent;
            }
        }
    }

    private void HoldUntilBound(ImmutableArray<VitalSample> samples)
    {
        State.Pending.AddRange(samples);
        var excess = State.Pending.Count - WearableState.PendingCapacity;
        if (excess > 0)
        {
            State.Pending.RemoveRange(0, excess);
            State.PendingDropped += excess;
            LogPendingDropped(logger, WearableId, excess);
        }
    }

    private WearableStatus Status() => new(
        WearableId, State.PatientId, State.Vendor, State.Model, State.Firmware, State.BatteryPercent,
        State.FirstSeen, State.LastSeen, State.Messages, State.Samples, State.Duplicates,
        State.Pending.Count, State.PendingDropped,
        State.SamplesByVital.ToImmutableDictionary(kv => new VitalType(kv.Key).Code, kv => kv.Value));

    private IPatientGrain Patient(string patientId) => GrainFactory.GetGrain<IPatientGrain>(patientId);

    private async Task WriteAsync()
    {
        await state.WriteStateAsync();
        _dirty = false;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Wearable {WearableId} forwarded {Count} samples it held while unbound")]
    private static partial void LogPendingForwarded(ILogger logger, string wearableId, int count);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Wearable {WearableId} is unbound and over its holding capacity; dropped {Count} oldest samples")]
    private static partial void LogPendingDropped(ILogger logger, string wearableId, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Wearable twin {WearableId} could not persist on deactivation; the telemetry log still holds its samples")]
    private static partial void LogFlushOnDeactivateFailed(ILogger logger, Exception exception, string wearableId);
}
