namespace Wearables.Twins.Api.Views;

/// <summary>Samples of one vital in a time range, oldest first.</summary>
public sealed record VitalSeriesView(
    string PatientId,
    string Type,
    string? Unit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Count,
    IReadOnlyList<VitalSampleView> Samples);
