namespace Wearables.Twins.Recommendations;

/// <summary>Maps <see cref="RecommendationSeverity"/> to and from its wire code (the one filters match on).</summary>
public static class SeverityCodes
{
    public static string ToCode(RecommendationSeverity severity) => severity switch
    {
        RecommendationSeverity.Info => "info",
        RecommendationSeverity.Low => "low",
        RecommendationSeverity.Medium => "medium",
        RecommendationSeverity.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    public static bool TryParse(string? code, out RecommendationSeverity severity)
    {
        switch (code)
        {
            case "info": severity = RecommendationSeverity.Info; return true;
            case "low": severity = RecommendationSeverity.Low; return true;
            case "medium": severity = RecommendationSeverity.Medium; return true;
            case "high": severity = RecommendationSeverity.High; return true;
            default: severity = default; return false;
        }
    }

    /// <summary>The codes of <paramref name="minimum"/> and every more severe level, e.g. medium → medium, high.</summary>
    public static IReadOnlyList<string> AtLeast(RecommendationSeverity minimum)
    {
        var codes = new List<string>(4);
        for (var s = minimum; s <= RecommendationSeverity.High; s++)
        {
            codes.Add(ToCode(s));
        }

        return codes;
    }
}
