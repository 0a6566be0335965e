using System.Collections.Immutable;
using Wearables.Twins.Risk.Engine;
using Wearables.Twins.Vitals;

namespace Wearables.Twins.Risk.Evaluation.Synthetic;

/// <summary>Stands in for the patient grain's ring buffers: the newest <see cref="VitalDefinition.WindowCapacity"/> samples per vital.</summary>
public sealed class TwinWindows
{
    private readonly Dictionary<byte, Queue<VitalSample>> _rings = [];

    public void Add(in VitalSample sample)
    {
        if (!_rings.TryGetValue(sample.Type.Id, out var ring))
        {
            ring = new Queue<VitalSample>();
            _rings.Add(sample.Type.Id, ring);
        }

        ring.Enqueue(sample);
        if (ring.Count > sample.Type.Definition.WindowCapacity)
        {
            ring.Dequeue();
        }
    }

    public ImmutableArray<VitalSample> Of(VitalDefinition vital)
        => _rings.TryGetValue(vital.Type.Id, out var ring) ? [.. ring] : [];

    public RiskInput Snapshot(DateTimeOffset now) => new()
    {
        Now = now,
        HeartRate = Of(VitalCatalog.HeartRate),
        RrIntervals = Of(VitalCatalog.RrIntervals),
        OxygenSaturation = Of(VitalCatalog.OxygenSaturation),
        RespiratoryRate = Of(VitalCatalog.RespiratoryRate),
        BodyTemperature = Of(VitalCatalog.BodyTemperature),
        BloodPressure = Of(VitalCatalog.BloodPressure),
        Steps = Of(VitalCatalog.Steps),
        SleepStages = Of(VitalCatalog.SleepStage),
        RestingHeartRate = Of(VitalCatalog.RestingHeartRate),
    };
}
