namespace Wearables.Twins.CareTeams;

/// <summary>What the inbox did with a recommendation.</summary>
[GenerateSerializer, Alias("Wearables.Twins.AlertOpenOutcome")]
public enum AlertOpenOutcome
{
    /// <summary>A new alert.</summary>
    Opened = 0,

    /// <summary>The finding already had an active alert; its severity was raised.</summary>
    SeverityRaised = 1,

    /// <summary>The finding cleared and its alert was resolved.</summary>
    AutoResolved = 2,

    /// <summary>Already applied (same recommendation id, or the finding already has an alert at least this severe).</summary>
    Duplicate = 3,

    /// <summary>A resolution for a finding with no active alert.</summary>
    Ignored = 4,

    /// <summary>Not kept: the inbox already holds <see cref="CareTeamLimits.MaxActiveAlerts"/> active alerts (counted).</summary>
    Overflow = 5,
}
