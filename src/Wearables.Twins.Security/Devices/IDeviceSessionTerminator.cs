using System.Collections.Immutable;

namespace Wearables.Twins.Security.Devices;

/// <summary>A door holding long-lived device sessions (the MQTT broker) that must close them when a certificate is revoked.</summary>
public interface IDeviceSessionTerminator
{
    /// <summary>Closes the sessions of <paramref name="deviceId"/> authenticated by one of <paramref name="serials"/>.</summary>
    ValueTask TerminateAsync(string deviceId, ImmutableArray<string> serials);
}
