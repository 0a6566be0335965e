using System.Collections.Immutable;
using Wearables.Twins.Telemetry;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains;

/// <summary>The twin of one patient, keyed by patient id.</summary>
[Alias("Wearables.Twins.IPatientGrain")]
public interface IPatientGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of validated samples; samples already held are ignored.</summary>
    [Alias("Record")]
    ValueTask<RecordResult> RecordAsync(SampleBatch batch);

    /// <summary>Remembers that a wearable now reports for this patient.</summary>
    [Alias("AttachWearable")]
    ValueTask AttachWearableAsync(string wearableId);

    /// <summary>Forgets a wearable that was bound to someone else.</summary>
    [Alias("DetachWearable")]
    ValueTask DetachWearableAsync(string wearableId);

    /// <summary>Latest vitals, or null when the patient has no wearable and no data.</summary>
    [Alias("GetStatus"), ReadOnly]
    ValueTask<PatientStatus?> GetStatusAsync();

    /// <summary>Samples of one vital in [from, to) from the recent window, oldest first.</summary>
    [Alias("GetVitals"), ReadOnly]
    ValueTask<ImmutableArray<VitalSample>> GetVitalsAsync(VitalType type, DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// Erases the twin (right to erasure): its persisted state is cleared and the activation ends. Returns what it held.
    /// </summary>
    [Alias("Erase")]
    ValueTask<PatientErasure> EraseAsync();

    /// <summary>
    /// Sets (or with null clears) the care team following the patient; its recommendations carry it from then on.
    /// Returns the previous team, so the caller can remove the patient from it.
    /// </summary>
    [Alias("SetCareTeam")]
    ValueTask<string?> SetCareTeamAsync(string? careTeamId);

    /// <summary>Clears the care team only if it is still <paramref name="careTeamId"/>; false when the patient had moved on.</summary>
    [Alias("LeaveCareTeam")]
    ValueTask<bool> LeaveCareTeamAsync(string careTeamId);

    /// <summary>The care team following the patient, if any.</summary>
    [Alias("GetCareTeam"), ReadOnly]
    ValueTask<string?> GetCareTeamAsync();

    /// <summary>Writes pending state now (used by checkpoints and shutdown); returns this activation's incarnation.</summary>
    [Alias("Flush")]
    ValueTask<long> FlushAsync();
}
