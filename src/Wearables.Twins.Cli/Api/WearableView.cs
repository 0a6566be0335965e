namespace Wearables.Twins.Cli.Api;

/// <summary>Mirrors <c>Wearables.Twins.Api.Views.WearableView</c>.</summary>
internal sealed record WearableView(
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
    IReadOnlyDictionary<string, long>? SamplesByVital);

/// <summary>Body of <c>PUT /api/v1/wearables/{id}/patient</c>.</summary>
internal sealed record BindWearableRequest(string PatientId);
