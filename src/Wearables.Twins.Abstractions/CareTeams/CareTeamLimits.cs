namespace Wearables.Twins.CareTeams;

/// <summary>Bounds of a care team and its inbox: the grains enforce them, the API reports them before calling.</summary>
public static class CareTeamLimits
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Contacts in one escalation chain.</summary>
    public const int MaxContacts = 20;

    /// <summary>Patients one team follows (the team grain keeps them all in its state).</summary>
    public const int MaxPatients = 5_000;

    /// <summary>Alerts open or acknowledged at once; more are counted as overflow, not kept.</summary>
    public const int MaxActiveAlerts = 500;

    /// <summary>Resolved alerts kept for the inbox's history (oldest dropped first).</summary>
    public const int ResolvedAlertsKept = 200;

    public const int MaxNoteLength = 1_000;

    public const int MaxListLimit = 500;

    public static readonly TimeSpan LongestAcknowledgeWithin = TimeSpan.FromDays(7);

    /// <summary>How long an inbox subscription lasts without renewal.</summary>
    public static readonly TimeSpan ObserverLease = TimeSpan.FromMinutes(5);
}
