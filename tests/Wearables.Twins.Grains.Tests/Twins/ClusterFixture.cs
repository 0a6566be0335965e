using Wearables.Twins.History;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>One in-process silo for the whole collection, with in-memory grain storage under the twins' name.</summary>
public sealed class ClusterFixture : InProcessClusterFixture
{
    /// <summary>What the twins handed to history (the silo is in-process, so this is the very instance it uses).</summary>
    public RecordingHistorySink History { get; } = new();

    protected override IHistorySink HistorySink => History;
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Twins cluster";
}
