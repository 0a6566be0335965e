using System.Net.Http.Headers;
using Wearables.Twins.Security;

namespace Wearables.Twins.Testing;

/// <summary>Tokens signed with a running host's local issuer key (found in its data directory), as `twins token` does.</summary>
public static class TestTokens
{
    public static string Admin(string dataDirectory) => Issue(dataDirectory, new TokenRequest("test-admin", TwinsRoles.Admin, [], null, TimeSpan.FromHours(2)));

    public static string Clinician(string dataDirectory, string subject, params string[] teams)
        => Issue(dataDirectory, new TokenRequest(subject, TwinsRoles.Clinician, teams, null, TimeSpan.FromHours(2)));

    public static string Patient(string dataDirectory, string patientId)
        => Issue(dataDirectory, new TokenRequest("user-" + patientId, TwinsRoles.Patient, [], patientId, TimeSpan.FromHours(2)));

    public static string Device(string dataDirectory, string deviceId)
        => Issue(dataDirectory, new TokenRequest(deviceId, TwinsRoles.Device, [], null, TimeSpan.FromHours(2)));

    public static string Issue(string dataDirectory, TokenRequest request)
    {
        using var key = LocalSigningKey.Load(LocalIssuer.KeyPath(dataDirectory), create: false);
        return new LocalTokenIssuer(key, TimeProvider.System).Issue(request);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
