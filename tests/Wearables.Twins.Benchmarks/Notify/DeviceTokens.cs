using Wearables.Twins.Testing;

namespace Wearables.Twins.Benchmarks.Notify;

/// <summary>Device tokens for the watches, signed with the host's local key before any timing starts.</summary>
internal static class DeviceTokens
{
    public static Dictionary<string, string> Issue(string dataDirectory, IEnumerable<NotifyPatient> patients)
        => patients.ToDictionary(p => p.WearableId, p => TestTokens.Device(dataDirectory, p.WearableId), StringComparer.Ordinal);
}
