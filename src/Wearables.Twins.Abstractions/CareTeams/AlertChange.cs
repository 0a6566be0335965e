namespace Wearables.Twins.CareTeams;

/// <summary>One change of an inbox, as observers (a live dashboard) receive it.</summary>
/// <param name="TeamId">The team whose inbox changed.</param>
/// <param name="Version">The inbox version after the change (see <see cref="AlertPage.Version"/>).</param>
/// <param name="Alert">The alert as it now stands.</param>
[GenerateSerializer, Immutable, Alias("Wearables.Twins.AlertChange")]
public sealed record AlertChange(
    [property: Id(0)] string TeamId,
    [property: Id(1)] long Version,
    [property: Id(2)] CareTeamAlert Alert);
