using Wearables.Twins.Security;

namespace Wearables.Twins.Cli.Api;

/// <summary>
/// The token the CLI sends: the one given, or else — on the machine running the embedded service — a ten-minute admin
/// token signed with its local issuer key. Whoever can read that key file already controls the service's data.
/// </summary>
internal static class OperatorToken
{
    public const string Subject = "cli-operator";

    public static string? Resolve(string? given, string dataDirectory)
    {
        if (given is { Length: > 0 })
        {
            return given;
        }

        var path = LocalIssuer.KeyPath(Path.GetFullPath(dataDirectory));
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var key = LocalSigningKey.Load(path, create: false);
            return new LocalTokenIssuer(key, TimeProvider.System)
                .Issue(new TokenRequest(Subject, TwinsRoles.Admin, [], null, TimeSpan.FromMinutes(10)));
        }
        catch (UnauthorizedAccessException)
        {
            // Not this user's service: call it without a token and let it answer 401.
            return null;
        }
    }
}
