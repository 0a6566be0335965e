namespace Wearables.Twins.Durability;

/// <summary>Seams for tests only: they make batching and write failures deterministic instead of timing-dependent.</summary>
internal sealed class TestHooks
{
    /// <summary>The writer takes nothing from the queue until this completes.</summary>
    public Task? WriterGate { get; init; }

    /// <summary>Runs after a batch is written and before its fsync; throwing simulates a failed fsync.</summary>
    public Action? BeforeFlush { get; init; }
}
