namespace Wearables.Twins.Cli.Telemetry;

/// <summary>One reading as typed on the command line; which fields apply depends on the vital's shape.</summary>
internal sealed record SampleInput(
    string Type,
    double? Value = null,
    string? Unit = null,
    string? Time = null,
    string? End = null,
    double? Systolic = null,
    double? Diastolic = null,
    IReadOnlyList<double>? Values = null,
    string? Stage = null);
