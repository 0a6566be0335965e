using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Wearables.Twins.CareTeams;

namespace Wearables.Twins.Api.Streaming;

/// <summary>
/// One dashboard connection to a care team: sends a snapshot, then polls the team's twins and inbox at
/// <see cref="CareTeamStreamLimits.PollInterval"/> and sends only what changed (<c>tile</c>, <c>tile-removed</c>,
/// <c>alerts</c>). Polling keeps a connection's work bounded and needs no subscription to clean up when a client
/// vanishes; tiles are compared by <see cref="TileStamp"/> and the inbox by its version, so an idle team costs a
/// few read-only grain calls a second and sends nothing but a heartbeat.
/// </summary>
internal sealed class CareTeamStreamSession(
    string teamId, IGrainFactory grains, ServerSentEventWriter events, TimeProvider time, ILogger logger)
{
    private readonly Dictionary<string, TileStamp> _sent = new(StringComparer.Ordinal);
    private readonly ICareTeamGrain _team = grains.GetGrain<ICareTeamGrain>(teamId);
    private readonly ICareTeamInboxGrain _inbox = grains.GetGrain<ICareTeamInboxGrain>(teamId);
    private long? _inboxVersion;
    private bool _inboxFailing;
    private long _events;
    private long _lastSent;

    public async Task RunAsync(CareTeamInfo team, CancellationToken cancellationToken)
    {
        try
        {
            await SendSnapshotAsync(team, cancellationToken);
            using var timer = new PeriodicTimer(CareTeamStreamLimits.PollInterval, time);
            while (events.IsOpen && await timer.WaitForNextTickAsync(cancellationToken))
            {
                await SendChangesAsync(cancellationToken);
                if (events.IsOpen && time.GetElapsedTime(_lastSent) >= CareTeamStreamLimits.HeartbeatInterval)
                {
                    await events.WriteCommentAsync("heartbeat", cancellationToken);
                    _lastSent = time.GetTimestamp();
                }
            }
        }
        finally
        {
            CareTeamStreamLog.Closed(logger, teamId, _events);
        }
    }

    private async Task SendSnapshotAsync(CareTeamInfo team, CancellationToken cancellationToken)
    {
        var patients = await _team.GetPatientsAsync();
        var tiles = new List<CareTeamTile>(Math.Min(patients.Length, CareTeamStreamLimits.MaxTiles));
        foreach (var patientId in Shown(patients))
        {
            var reading = await PatientTileReader.ReadAsync(grains, patientId);
            _sent[patientId] = reading.Stamp;
            tiles.Add(PatientTileReader.ToTile(reading));
        }

        // A snapshot without alerts tells the client the inbox is unavailable; no separate event is needed.
        var (alerts, _) = await ReadInboxAsync();
        _inboxVersion = alerts?.Version;
        CareTeamStreamLog.Opened(logger, teamId, patients.Length);
        var snapshot = new CareTeamSnapshot(teamId, team.Definition.DisplayName, patients.Length,
            patients.Length > CareTeamStreamLimits.MaxTiles, tiles, alerts);
        await SendAsync("snapshot", snapshot, CareTeamStreamJsonContext.Default.CareTeamSnapshot, cancellationToken);
    }

    private async Task SendChangesAsync(CancellationToken cancellationToken)
    {
        var patients = Shown(await _team.GetPatientsAsync());
        if (_sent.Count > 0)
        {
            foreach (var gone in _sent.Keys.Where(p => !patients.Contains(p, StringComparer.Ordinal)).ToList())
            {
                _sent.Remove(gone);
                await SendAsync("tile-removed", new TileRemoved(gone), CareTeamStreamJsonContext.Default.TileRemoved, cancellationToken);
            }
        }

        foreach (var patientId in patients)
        {
            var reading = await PatientTileReader.ReadAsync(grains, patientId);
            var stamp = reading.Stamp;
            if (_sent.TryGetValue(patientId, out var previous) && previous == stamp)
            {
                continue;
            }

            _sent[patientId] = stamp;
            await SendAsync("tile", PatientTileReader.ToTile(reading), CareTeamStreamJsonContext.Default.CareTeamTile, cancellationToken);
        }

        var (alerts, justFailed) = await ReadInboxAsync();
        if (justFailed)
        {
            _inboxVersion = null;
            await SendAsync("alerts-unavailable", new StreamProblem("The alert inbox cannot be read right now; the stream keeps retrying."),
                CareTeamStreamJsonContext.Default.StreamProblem, cancellationToken);
        }
        else if (alerts is not null && alerts.Version != _inboxVersion)
        {
            _inboxVersion = alerts.Version;
            await SendAsync("alerts", alerts, CareTeamStreamJsonContext.Default.AlertPage, cancellationToken);
        }
    }

    /// <summary>
    /// The inbox, or null when it cannot be read right now (the tiles keep streaming, the next poll retries);
    /// <c>JustFailed</c> on the first failure after a success, so a failure streak is logged and reported once.
    /// </summary>
    private async Task<(AlertPage? Page, bool JustFailed)> ReadInboxAsync()
    {
        try
        {
            var page = await _inbox.ListAsync(null, CareTeamStreamLimits.MaxAlerts);
            _inboxFailing = false;
            return (page, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var justFailed = !_inboxFailing;
            if (justFailed)
            {
                CareTeamStreamLog.InboxUnavailable(logger, ex, teamId);
            }

            _inboxFailing = true;
            return (null, justFailed);
        }
    }

    private async ValueTask SendAsync<T>(string name, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await events.WriteEventAsync(name, value, type, cancellationToken);
        _events++;
        _lastSent = time.GetTimestamp();
    }

    private static ImmutableArray<string> Shown(ImmutableArray<string> patients)
        => patients.Length > CareTeamStreamLimits.MaxTiles ? patients[..CareTeamStreamLimits.MaxTiles] : patients;
}
