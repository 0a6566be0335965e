using Wearables.Twins.Recommendations;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// A care team's alert inbox, keyed by team id. Alerts go open → acknowledged → resolved. An open alert that
/// nobody acknowledges within the team's deadline for its severity pages the next contact of the escalation
/// chain (a reminder wakes the inbox; the page leaves as a message for the workers). State is bounded: see
/// <see cref="CareTeamLimits"/>.
/// </summary>
[Alias("Wearables.Twins.ICareTeamInboxGrain")]
public interface ICareTeamInboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a recommendation: an opening adds an alert, an escalation raises the finding's alert (or opens one),
    /// a resolution resolves it. Idempotent by recommendation id and by finding.
    /// </summary>
    [Alias("Open")]
    ValueTask<AlertOpenResult> OpenAsync(Recommendation recommendation);

    /// <summary>Alerts with <paramref name="status"/> (all when null), at most <paramref name="limit"/>, with the inbox's counts.</summary>
    [Alias("List"), ReadOnly]
    ValueTask<AlertPage> ListAsync(AlertStatus? status, int limit);

    /// <summary>One alert, or null when unknown (or fallen out of the kept history).</summary>
    [Alias("Get"), ReadOnly]
    ValueTask<CareTeamAlert?> GetAsync(string alertId);

    /// <summary>Takes an open alert: it stops escalating.</summary>
    [Alias("Acknowledge")]
    ValueTask<AlertOperationResult> AcknowledgeAsync(string alertId, string by);

    /// <summary>Closes an open or acknowledged alert (an open one counts as acknowledged by the same person at the same time).</summary>
    [Alias("Resolve")]
    ValueTask<AlertOperationResult> ResolveAsync(string alertId, string by, string? note);

    /// <summary>
    /// Sends the inbox's changes to <paramref name="observer"/> until it unsubscribes or stops renewing: a subscription
    /// lapses after <see cref="CareTeamLimits.ObserverLease"/>, so subscribers renew well within it.
    /// </summary>
    [Alias("Subscribe")]
    ValueTask SubscribeAsync(ICareTeamInboxObserver observer);

    [Alias("Unsubscribe")]
    ValueTask UnsubscribeAsync(ICareTeamInboxObserver observer);
}
