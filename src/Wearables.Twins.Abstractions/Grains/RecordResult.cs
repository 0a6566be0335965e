namespace Wearables.Twins.Grains;

/// <summary>What a twin did with a batch.</summary>
/// <param name="Added">Samples that were new.</param>
/// <param name="Duplicates">Samples (or a whole redelivered message) already seen.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.RecordResult")]
public readonly record struct RecordResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Duplicates)
{
    /// <summary>
    /// Identifies the twin activations that took the samples (see <see cref="IWearableGrain.FlushAsync"/>): if a
    /// later flush answers a different value, those activations were lost (a silo died) before persisting, and the
    /// sender must deliver the samples again. 0 when unknown.
    /// </summary>
    [Id(2)]
    public long Incarnation { get; init; }

    public static RecordResult operator +(RecordResult a, RecordResult b)
        => new(a.Added + b.Added, a.Duplicates + b.Duplicates) { Incarnation = a.Incarnation };

    public static RecordResult Add(RecordResult a, RecordResult b) => a + b;
}
