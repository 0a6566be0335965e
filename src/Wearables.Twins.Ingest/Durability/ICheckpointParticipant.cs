namespace Wearables.Twins.Ingest.Durability;

/// <summary>
/// A store that receives samples after the twins accept them (the history lake) and must hold them durably
/// before the telemetry log forgets them: every checkpoint awaits <see cref="FlushAsync"/> before it trims.
/// </summary>
public interface ICheckpointParticipant
{
    /// <summary>A name for logs.</summary>
    string Name { get; }

    /// <summary>Makes durable everything received so far.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
