namespace Wearables.Twins.Grains;

/// <summary>What a twin did with a batch.</summary>
/// <param name="Added">Samples that were new.</param>
/// <param name="Duplicates">Samples (or a whole redelivered message) already seen.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.RecordResult")]
public readonly record struct RecordResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Duplicates)
{
    public static RecordResult operator +(RecordResult a, RecordResult b)
        => new(a.Added + b.Added, a.Duplicates + b.Duplicates);

    public static RecordResult Add(RecordResult a, RecordResult b) => a + b;
}
