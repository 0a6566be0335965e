namespace Wearables.Twins.Api.Views;

/// <summary>One vital of one patient summarised per bucket (<c>resolution=1m|1h|1d</c>, UTC-aligned); empty buckets are absent.</summary>
public sealed record VitalAggregatesView(
    string PatientId,
    string Type,
    string? Unit,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string Resolution,
    IReadOnlyList<VitalBucketView> Buckets);

/// <summary>Count, min, max, mean and percentiles of the value in one bucket (systolic for blood pressure).</summary>
public sealed record VitalBucketView(DateTimeOffset Start, long Count, double Min, double Max, double Mean, double P50, double P95);
