using System.Collections.Concurrent;
using Wearables.Twins.History;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Grains.Tests.Twins;

/// <summary>Keeps what patient twins hand to history, per patient, so tests can see what would reach the lake.</summary>
public sealed class RecordingHistorySink : IHistorySink
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string WearableId, VitalSample Sample)>> _byPatient = new();

    public ValueTask AppendAsync(string patientId, string wearableId, ReadOnlyMemory<VitalSample> samples)
    {
        var queue = _byPatient.GetOrAdd(patientId, _ => new());
        foreach (var sample in samples.Span)
        {
            queue.Enqueue((wearableId, sample));
        }

        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<(string WearableId, VitalSample Sample)> For(string patientId)
        => _byPatient.TryGetValue(patientId, out var queue) ? [.. queue] : [];
}
