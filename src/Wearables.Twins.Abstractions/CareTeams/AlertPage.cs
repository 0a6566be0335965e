using System.Collections.Immutable;

namespace Wearables.Twins.CareTeams;

/// <summary>
/// A view of the inbox: the alerts asked for, and counts of the whole inbox. Active alerts come most severe and
/// oldest first; resolved ones newest first.
/// </summary>
/// <param name="Alerts">The alerts matching the filter, up to the limit.</param>
/// <param name="Open">Open alerts in the inbox.</param>
/// <param name="Acknowledged">Acknowledged alerts in the inbox.</param>
/// <param name="Resolved">Resolved alerts still kept (at most <see cref="CareTeamLimits.ResolvedAlertsKept"/>).</param>
/// <param name="Overflow">Alerts not kept because <see cref="CareTeamLimits.MaxActiveAlerts"/> were active.</param>
/// <param name="Version">Grows with every change; a live view compares it with what it last showed.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AlertPage")]
public sealed record AlertPage(
    [property: Id(0)] ImmutableArray<CareTeamAlert> Alerts,
    [property: Id(1)] int Open,
    [property: Id(2)] int Acknowledged,
    [property: Id(3)] int Resolved,
    [property: Id(4)] long Overflow,
    [property: Id(5)] long Version);
