namespace Wearables.Twins.Api.Views;

/// <summary>What <c>DELETE /api/v1/patients/{id}</c> removed, store by store (LGPD / GDPR right to erasure).</summary>
public sealed record ErasureReceiptView(
    string PatientId,
    DateTimeOffset ErasedAt,
    TwinErasureView Twin,
    LakeErasureView Lake,
    LogErasureView TelemetryLog);

public sealed record TwinErasureView(IReadOnlyList<string> WearablesUnbound, long SamplesEverRecorded, int SamplesHeld, int Findings, int PendingRecommendations);

public sealed record LakeErasureView(string Store, long RowsRemoved, IReadOnlyDictionary<string, long> RowsRemovedByVital,
    IReadOnlyList<string> FilesRewritten, IReadOnlyList<string> FilesRemoved, long BufferedSamplesRemoved);

/// <summary>
/// The telemetry log is append-only: the erasure moves its checkpoint past every record of the patient's devices, so no
/// restart replays them, and their segments are deleted as the log trims (at most one segment later).
/// </summary>
public sealed record LogErasureView(long CheckpointPosition, string Note);
