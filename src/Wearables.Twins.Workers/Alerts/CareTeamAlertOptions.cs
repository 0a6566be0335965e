using Wearables.Twins.Recommendations;

namespace Wearables.Twins.Workers.Alerts;

/// <summary>The care-team alert worker (<c>Twins:CareTeamAlerts</c>).</summary>
public sealed class CareTeamAlertOptions
{
    public const string Section = "Twins:CareTeamAlerts";

    /// <summary>Whether this process runs the worker (it needs a grain factory: the silo host, or a process with an Orleans client). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The queue of recommendations that become alerts. Default <c>care-team-alerts</c>.</summary>
    public string Queue { get; set; } = "care-team-alerts";

    /// <summary>The queue of escalation notices that page contacts. Default <c>care-team-escalations</c>.</summary>
    public string EscalationQueue { get; set; } = "care-team-escalations";

    /// <summary>Least severe recommendation that reaches a care team (the queue filter). Default <c>Medium</c>.</summary>
    public RecommendationSeverity MinimumSeverity { get; set; } = RecommendationSeverity.Medium;

    /// <summary>The team that gets alerts of patients without a care team; unset, such alerts are skipped (and logged).</summary>
    public string? DefaultTeamId { get; set; }
}
