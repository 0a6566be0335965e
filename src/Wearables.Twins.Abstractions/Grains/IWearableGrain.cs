using Wearables.Twins.Telemetry;

namespace Wearables.Twins.Grains;

/// <summary>The twin of one wearable, keyed by its device id.</summary>
[Alias("Wearables.Twins.IWearableGrain")]
public interface IWearableGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies one envelope's accepted samples: forwards them to the bound patient, or holds them until
    /// the wearable is bound. A redelivered message changes nothing.
    /// </summary>
    [Alias("Record")]
    ValueTask<RecordResult> RecordAsync(TelemetryBatch batch);

    /// <summary>
    /// Forgets the wearable's patient (erasure of that patient): later samples are held as for an unbound wearable.
    /// Only when <paramref name="patientId"/> is still its patient.
    /// </summary>
    [Alias("Unbind")]
    ValueTask UnbindAsync(string patientId);

    /// <summary>Binds the wearable to a patient and forwards any samples held while it was unbound.</summary>
    [Alias("Bind")]
    ValueTask<WearableStatus> BindAsync(string patientId);

    /// <summary>The twin, or null when the wearable has never been seen or bound.</summary>
    [Alias("GetStatus"), ReadOnly]
    ValueTask<WearableStatus?> GetStatusAsync();

    /// <summary>
    /// Writes pending state now (used by checkpoints and shutdown). Returns the incarnation of the activations it
    /// flushed; a value other than the one <see cref="RecordAsync"/> answered means samples were lost with an
    /// activation and must be delivered again.
    /// </summary>
    [Alias("Flush")]
    ValueTask<long> FlushAsync();
}
