namespace Wearables.Twins.Persistence.Conformance;

/// <summary>A grain state with several kinds of fields, including collections, for round-trip checks.</summary>
[GenerateSerializer]
public sealed class ConformanceState
{
    [Id(0)]
    public string Name { get; set; } = string.Empty;

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public double Temperature { get; set; }

    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(4)]
    public List<string> Tags { get; } = [];

    [Id(5)]
    public Dictionary<string, int> Readings { get; } = [];

    public static ConformanceState Sample(int seed = 1)
    {
        var state = new ConformanceState
        {
            Name = $"patient-{seed}",
            Count = seed,
            Temperature = 36.5 + (seed / 10.0),
            UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero).AddMinutes(seed),
        };
        state.Tags.AddRange(["wrist", "chest", $"tag-{seed}"]);
        state.Readings["hr"] = 60 + seed;
        state.Readings["spo2"] = 97;
        return state;
    }

    public static void AssertEquivalent(ConformanceState expected, ConformanceState actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Temperature, actual.Temperature);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Readings.OrderBy(r => r.Key), actual.Readings.OrderBy(r => r.Key));
    }
}
