namespace Wearables.Twins.Api.Views;

/// <summary>The newest reading of a vital, how many were recorded, and for daily sums the newest day's total.</summary>
public sealed record LatestVitalView(VitalSampleView Latest, long Count, double? DayTotal);
