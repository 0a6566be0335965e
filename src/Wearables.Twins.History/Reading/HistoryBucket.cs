namespace Wearables.Twins.History.Reading;

/// <summary>Aggregate of one vital's <c>value</c> over one bucket [Start, Start + width), duplicates removed.</summary>
public sealed record HistoryBucket(
    DateTimeOffset Start, long Count, double Min, double Max, double Mean, double P50, double P95);
