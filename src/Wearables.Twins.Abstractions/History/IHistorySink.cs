using Wearables.Twins.Vitals;

namespace Wearables.Twins.History;

/// <summary>
/// Where a patient twin hands the samples it has just accepted, on their way to the history lake. Called inside
/// a grain turn, so it must not do I/O: it buffers, and only awaits (back-pressure) when its bounded buffer is full.
/// The telemetry log keeps the samples until the sink has flushed them at a checkpoint.
/// </summary>
public interface IHistorySink
{
    ValueTask AppendAsync(string patientId, string wearableId, ReadOnlyMemory<VitalSample> samples);
}
