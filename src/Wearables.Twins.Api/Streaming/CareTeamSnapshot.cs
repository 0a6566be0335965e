using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// The first event of a care team's stream: every tile and the alert inbox. Later events change it piece by piece.
/// </summary>
/// <param name="TeamId">The care team.</param>
/// <param name="DisplayName">Its name as people read it.</param>
/// <param name="Patients">How many patients the team follows.</param>
/// <param name="Truncated">Whether the team follows more patients than one stream shows (<see cref="CareTeamStreamLimits.MaxTiles"/>).</param>
/// <param name="Tiles">The tiles, in patient id order.</param>
/// <param name="Alerts">The inbox (active alerts first, then the most recently resolved); null when it could not be read.</param>
public sealed record CareTeamSnapshot(
    string TeamId,
    string DisplayName,
    int Patients,
    bool Truncated,
    IReadOnlyList<CareTeamTile> Tiles,
    AlertPage? Alerts);

/// <summary>A patient the team no longer follows (event <c>tile-removed</c>).</summary>
public sealed record TileRemoved(string PatientId);

/// <summary>Why part of the stream is missing (event <c>alerts-unavailable</c>); the stream retries on its own.</summary>
public sealed record StreamProblem(string Detail);
