using Wearables.Twins.Grains;

namespace Wearables.Twins.Api.Views;

/// <summary>A patient twin: latest vitals keyed by vital code.</summary>
public sealed record PatientView(
    string PatientId,
    IReadOnlyList<string> Wearables,
    DateTimeOffset? LastUpdate,
    long Samples,
    IReadOnlyDictionary<string, LatestVitalView> Vitals)
{
    public static PatientView From(PatientStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var vitals = status.Latest.ToDictionary(
            l => l.Sample.Type.Code,
            l => new LatestVitalView(VitalSampleView.From(l.Sample), l.Count, l.DayTotal),
            StringComparer.Ordinal);
        return new PatientView(status.PatientId, status.Wearables, status.LastUpdate, status.Samples, vitals);
    }
}
