using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Wearables.Twins.Ingest.Decoding;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Ingest.Mqtt.Broker;

/// <summary>
/// The devices that proved who they are on the TLS listener, by MQTT client id, and the rules they act under: publish
/// only to their own telemetry topic, subscribe only under their own topics, and lose the session when their
/// certificate is revoked or expires. Kept by client id, not in MQTTnet's session items, because a resumed session keeps
/// the items of the connection that created it.
/// </summary>
internal sealed partial class CertifiedDevices(
    DeviceCertificateAuthenticator authenticator,
    IngestMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private const string Transport = "mqtt";

    private static readonly TimeSpan WarnAgainAfter = TimeSpan.FromMinutes(1);
    private const int MaxRememberedRefusals = 10_000;

    private readonly ConcurrentDictionary<string, CertifiedSession> _sessions = new(StringComparer.Ordinal);

    // A refused device that retries in a tight loop must not flood the log: one warning per client per minute, the rest at debug.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRefusalWarning = new(StringComparer.Ordinal);

    /// <summary>Decides a CONNECT on the TLS listener from the client certificate the handshake carried.</summary>
    public async Task AdmitAsync(ValidatingConnectionEventArgs e)
    {
        if (e.ClientCertificate is null)
        {
            Refuse(e, DeviceCertificateRefusals.Untrusted, "The TLS listener requires a client certificate issued to the device (twins devices provision).");
            return;
        }

        var verdict = await authenticator.AuthenticateAsync(e.ClientCertificate);
        if (!verdict.IsAccepted)
        {
            Refuse(e, verdict.Refusal!, verdict.Detail!);
            return;
        }

        _sessions[e.ClientId] = new CertifiedSession(verdict, NextCheck());
        LogAdmitted(logger, e.ClientId, verdict.DeviceId!, verdict.Serial!);
    }

    /// <summary>A plain-listener connection took this client id: it no longer carries a certificate's identity.</summary>
    public void Forget(string clientId) => _sessions.TryRemove(clientId, out _);

    /// <summary>
    /// Null when the client may publish as <paramref name="topicDeviceId"/>; else why not. Clients of the plain listener are
    /// not judged here (the listener trusts its network).
    /// </summary>
    public async ValueTask<EnvelopeProblem?> RefusePublishAsync(string clientId, string topicDeviceId)
    {
        if (!_sessions.TryGetValue(clientId, out var session))
        {
            return null;
        }

        var deviceId = session.Verdict.DeviceId!;
        if (!string.Equals(deviceId, topicDeviceId, StringComparison.Ordinal))
        {
            metrics.ImpersonationDenied(Transport);
            LogImpersonation(logger, clientId, deviceId, topicDeviceId);
            return new EnvelopeProblem(RejectReasons.DeviceMismatch,
                $"The certificate is device '{deviceId}'s; it may only publish to {TelemetryTopics.Telemetry(deviceId)}.");
        }

        if (time.GetUtcNow() < session.RecheckAt)
        {
            return null;
        }

        var verdict = await authenticator.CheckRegistryAsync(session.Verdict);
        if (!verdict.IsAccepted)
        {
            _sessions.TryRemove(clientId, out _);
            metrics.CertificateRefused(Transport, verdict.Refusal!);
            LogSessionEnded(logger, clientId, deviceId, verdict.Refusal!);
            return new EnvelopeProblem(verdict.Refusal!, verdict.Detail!);
        }

        session.RecheckAt = NextCheck();
        return null;
    }

    /// <summary>The device the client's certificate names, while its session is certified.</summary>
    public string? DeviceOf(string clientId) => _sessions.TryGetValue(clientId, out var session) ? session.Verdict.DeviceId : null;

    /// <summary>Certified devices subscribe only under their own topics (their rejects), never to others' traffic.</summary>
    public bool MaySubscribe(string clientId, string topicFilter)
    {
        if (!_sessions.TryGetValue(clientId, out var session))
        {
            return true;
        }

        var own = $"wearables/{session.Verdict.DeviceId}/";
        return topicFilter.StartsWith(own, StringComparison.Ordinal)
            && topicFilter.AsSpan(own.Length).IndexOfAny('+', '#') is var wildcard
            && (wildcard < 0 || topicFilter.Length == own.Length + 1 && topicFilter[^1] == '#');
    }

    /// <summary>The client ids connected with one of the revoked certificates; they are forgotten here at once.</summary>
    public ImmutableArray<string> Revoke(string deviceId, ImmutableArray<string> serials)
    {
        var clients = ImmutableArray.CreateBuilder<string>();
        foreach (var (clientId, session) in _sessions)
        {
            if (session.Verdict.DeviceId == deviceId && serials.Contains(session.Verdict.Serial!, StringComparer.OrdinalIgnoreCase)
                && _sessions.TryRemove(clientId, out _))
            {
                clients.Add(clientId);
                LogSessionEnded(logger, clientId, deviceId, DeviceCertificateRefusals.Revoked);
            }
        }

        return clients.ToImmutable();
    }

    private void Refuse(ValidatingConnectionEventArgs e, string reason, string detail)
    {
        _sessions.TryRemove(e.ClientId, out _);
        e.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        e.ReasonString = detail;
        metrics.CertificateRefused(Transport, reason);
        var now = time.GetUtcNow();
        if (_lastRefusalWarning.TryGetValue(e.ClientId, out var warned) && now - warned < WarnAgainAfter)
        {
            LogRefusedAgain(logger, e.ClientId, reason);
            return;
        }

        if (_lastRefusalWarning.Count >= MaxRememberedRefusals)
        {
            _lastRefusalWarning.Clear();
        }

        _lastRefusalWarning[e.ClientId] = now;
        LogRefused(logger, e.ClientId, reason, detail);
    }

    private DateTimeOffset NextCheck() => time.GetUtcNow() + authenticator.RecheckInterval;

    private sealed class CertifiedSession(DeviceCertificateVerdict verdict, DateTimeOffset recheckAt)
    {
        public DeviceCertificateVerdict Verdict { get; } = verdict;

        public DateTimeOffset RecheckAt { get; set; } = recheckAt;
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "MQTT client {ClientId} connected over TLS as device {DeviceId} (certificate {Serial})")]
    private static partial void LogAdmitted(ILogger logger, string clientId, string deviceId, string serial);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "MQTT client {ClientId} refused on the TLS listener: {Reason}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string clientId, string reason, string detail);

    [LoggerMessage(EventId = 1314, Level = LogLevel.Debug, Message = "MQTT client {ClientId} refused on the TLS listener again: {Reason}")]
    private static partial void LogRefusedAgain(ILogger logger, string clientId, string reason);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Warning, Message = "MQTT client {ClientId} holding device {DeviceId}'s certificate tried to publish as device {ClaimedDeviceId}; refused")]
    private static partial void LogImpersonation(ILogger logger, string clientId, string deviceId, string claimedDeviceId);

    [LoggerMessage(EventId = 1313, Level = LogLevel.Warning, Message = "MQTT client {ClientId} of device {DeviceId} loses its session: {Reason}")]
    private static partial void LogSessionEnded(ILogger logger, string clientId, string deviceId, string reason);
}
