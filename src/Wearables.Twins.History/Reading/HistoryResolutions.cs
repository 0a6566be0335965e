namespace Wearables.Twins.History.Reading;

/// <summary>The API's resolution codes (<c>1m</c>, <c>1h</c>, <c>1d</c>) and bucket widths.</summary>
public static class HistoryResolutions
{
    public static bool TryParse(string? code, out HistoryResolution resolution)
    {
        (var ok, resolution) = code switch
        {
            "1m" => (true, HistoryResolution.Minute),
            "1h" => (true, HistoryResolution.Hour),
            "1d" => (true, HistoryResolution.Day),
            _ => (false, HistoryResolution.Minute),
        };
        return ok;
    }

    public static TimeSpan Width(this HistoryResolution resolution) => resolution switch
    {
        HistoryResolution.Minute => TimeSpan.FromMinutes(1),
        HistoryResolution.Hour => TimeSpan.FromHours(1),
        HistoryResolution.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Unknown resolution."),
    };

    internal static string Interval(this HistoryResolution resolution) => resolution switch
    {
        HistoryResolution.Minute => "INTERVAL 1 MINUTE",
        HistoryResolution.Hour => "INTERVAL 1 HOUR",
        HistoryResolution.Day => "INTERVAL 1 DAY",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Unknown resolution."),
    };
}
