namespace Wearables.Twins.CareTeams;

/// <summary>What acknowledging or resolving an alert did; the last three are refusals.</summary>
[GenerateSerializer, Alias("Wearables.Twins.AlertOperationOutcome")]
public enum AlertOperationOutcome
{
    Done = 0,

    /// <summary>No such alert (or it fell out of the kept history).</summary>
    NotFound = 1,

    /// <summary>Acknowledging an alert someone already acknowledged.</summary>
    AlreadyAcknowledged = 2,

    /// <summary>Acknowledging or resolving an alert that is already resolved.</summary>
    AlreadyResolved = 3,
}
