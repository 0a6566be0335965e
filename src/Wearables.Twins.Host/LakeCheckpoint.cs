using Wearables.Twins.History.Writing;
using Wearables.Twins.Ingest.Durability;

namespace Wearables.Twins.Host;

/// <summary>The history lake takes part in checkpoints: the log forgets samples only once they are in Parquet.</summary>
internal sealed class LakeCheckpoint(HistoryWriter lake) : ICheckpointParticipant
{
    public string Name => "history lake";

    public Task FlushAsync(CancellationToken cancellationToken) => lake.FlushAsync(cancellationToken);
}
