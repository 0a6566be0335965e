using Wearables.Twins.CareTeams;
using Wearables.Twins.Grains.Common;

namespace Wearables.Twins.Grains.CareTeams;

/// <summary>
/// What a care team's inbox persists. Bounded: at most <see cref="CareTeamLimits.MaxActiveAlerts"/> active alerts
/// (more are counted in <see cref="Overflow"/>), the last <see cref="CareTeamLimits.ResolvedAlertsKept"/> resolved ones,
/// the last <see cref="RecentIds.Capacity"/> recommendation ids and at most <see cref="OutboxCapacity"/> unpublished notices.
/// </summary>
[GenerateSerializer, Alias("Wearables.Twins.CareTeamInboxState")]
public sealed class CareTeamInboxState
{
    public const int OutboxCapacity = 64;

    /// <summary>Open and acknowledged alerts, oldest first.</summary>
    [Id(0)]
    public List<CareTeamAlert> Active { get; init; } = [];

    /// <summary>Resolved alerts in the order they were resolved; the oldest drops out first.</summary>
    [Id(1)]
    public List<CareTeamAlert> Resolved { get; init; } = [];

    /// <summary>Recommendation ids already applied, to ignore redeliveries.</summary>
    [Id(2)]
    public RecentIds Processed { get; init; } = new();

    /// <summary>Number of the next alert id (<c>alert-{n}</c>).</summary>
    [Id(3)]
    public long NextAlertNumber { get; set; } = 1;

    /// <summary>Alerts not kept because the inbox was full.</summary>
    [Id(4)]
    public long Overflow { get; set; }

    /// <summary>Escalation notices not yet accepted by the topic, oldest first.</summary>
    [Id(5)]
    public List<CareTeamEscalationNotice> Outbox { get; init; } = [];

    /// <summary>Notices dropped because the outbox was full (the topic unreachable for long).</summary>
    [Id(6)]
    public long OutboxDropped { get; set; }

    /// <summary>Grows with every change of an alert.</summary>
    [Id(7)]
    public long Version { get; set; }

    public int FindActive(string alertId) => Active.FindIndex(a => string.Equals(a.AlertId, alertId, StringComparison.Ordinal));

    public int FindActive(string patientId, string findingId)
        => Active.FindIndex(a => string.Equals(a.FindingId, findingId, StringComparison.Ordinal)
            && string.Equals(a.PatientId, patientId, StringComparison.Ordinal));

    public CareTeamAlert? FindResolved(string alertId)
        => Resolved.Find(a => string.Equals(a.AlertId, alertId, StringComparison.Ordinal));

    public bool WasResolved(string patientId, string findingId)
        => Resolved.Exists(a => string.Equals(a.FindingId, findingId, StringComparison.Ordinal)
            && string.Equals(a.PatientId, patientId, StringComparison.Ordinal));

    /// <summary>Moves the active alert at <paramref name="index"/> into the resolved history as <paramref name="resolved"/>.</summary>
    public void MoveToResolved(int index, CareTeamAlert resolved)
    {
        Active.RemoveAt(index);
        Resolved.Add(resolved);
        if (Resolved.Count > CareTeamLimits.ResolvedAlertsKept)
        {
            Resolved.RemoveAt(0);
        }
    }

    public void Enqueue(CareTeamEscalationNotice notice)
    {
        if (Outbox.Count >= OutboxCapacity)
        {
            Outbox.RemoveAt(0);
            OutboxDropped++;
        }

        Outbox.Add(notice);
    }

    /// <summary>The earliest time an open alert escalates, if any does.</summary>
    public DateTimeOffset? NextEscalation()
    {
        DateTimeOffset? next = null;
        foreach (var alert in Active)
        {
            if (alert.Status == AlertStatus.Open && alert.EscalatesAt is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }
}
