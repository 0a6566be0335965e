using Wearables.Twins.Vitals;

namespace Wearables.Twins.History;

/// <summary>For silos that keep no history (grain tests, tools): accepted samples live in the twins only.</summary>
public sealed class NoHistorySink : IHistorySink
{
    public static readonly NoHistorySink Instance = new();

    public ValueTask AppendAsync(string patientId, string wearableId, ReadOnlyMemory<VitalSample> samples) => ValueTask.CompletedTask;
}
