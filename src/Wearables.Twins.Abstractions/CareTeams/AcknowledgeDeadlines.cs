using Wearables.Twins.Recommendations;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// How long an open alert may wait for someone to acknowledge it before the next contact of the escalation chain
/// is paged, per severity. Informational alerts wait as long as low ones.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AcknowledgeDeadlines")]
public sealed record AcknowledgeDeadlines(
    [property: Id(0)] TimeSpan High,
    [property: Id(1)] TimeSpan Medium,
    [property: Id(2)] TimeSpan Low)
{
    /// <summary>High 5 minutes, medium 15 minutes, low 60 minutes.</summary>
    public static AcknowledgeDeadlines Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60));

    public TimeSpan For(RecommendationSeverity severity) => severity switch
    {
        RecommendationSeverity.High => High,
        RecommendationSeverity.Medium => Medium,
        _ => Low,
    };

    /// <summary>Whether every deadline is positive and no longer than <see cref="CareTeamLimits.LongestAcknowledgeWithin"/>.</summary>
    public bool IsValid => IsValidDeadline(High) && IsValidDeadline(Medium) && IsValidDeadline(Low);

    private static bool IsValidDeadline(TimeSpan value) => value > TimeSpan.Zero && value <= CareTeamLimits.LongestAcknowledgeWithin;
}
