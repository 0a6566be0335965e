namespace Wearables.Twins.CareTeams;

/// <summary>Receives an inbox's changes as they happen (e.g. the API's live stream to a dashboard).</summary>
[Alias("Wearables.Twins.ICareTeamInboxObserver")]
public interface ICareTeamInboxObserver : IGrainObserver
{
    /// <summary>An alert opened, changed severity, escalated, was acknowledged or resolved.</summary>
    [Alias("AlertChanged")]
    void AlertChanged(AlertChange change);
}
