namespace Wearables.Twins.History.Reading;

/// <summary>Bucket width of an aggregate query; buckets are aligned to UTC.</summary>
public enum HistoryResolution
{
    Minute,
    Hour,
    Day,
}
