namespace Wearables.Twins.Cli.Api;

/// <summary>
/// Mirrors <c>Wearables.Twins.Api.Views.VitalSampleView</c>: which reading fields are set depends on the vital's shape.
/// </summary>
internal sealed record VitalSampleView(
    string Type,
    DateTimeOffset Time,
    DateTimeOffset? End,
    double? Value,
    double? Systolic,
    double? Diastolic,
    IReadOnlyList<double>? Values,
    string? Stage,
    string? Unit);

/// <summary>Mirrors <c>Wearables.Twins.Api.Views.VitalSeriesView</c>.</summary>
internal sealed record VitalSeriesView(
    string PatientId,
    string Type,
    string? Unit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Count,
    IReadOnlyList<VitalSampleView>? Samples);
