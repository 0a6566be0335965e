using Wearables.Twins.Grains;

namespace Wearables.Twins.Api.Views;

/// <summary>A wearable twin.</summary>
public sealed record WearableView(
    string WearableId,
    string? PatientId,
    string? Vendor,
    string? Model,
    string? Firmware,
    double? BatteryPercent,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    long Messages,
    long Samples,
    long Duplicates,
    int PendingSamples,
    long PendingDropped,
    IReadOnlyDictionary<string, long> SamplesByVital)
{
    public static WearableView From(WearableStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.WearableId, s.PatientId, s.Vendor, s.Model, s.Firmware, s.BatteryPercent, s.FirstSeen, s.LastSeen,
            s.Messages, s.Samples, s.Duplicates, s.PendingSamples, s.PendingDropped, s.SamplesByVital);
    }
}
