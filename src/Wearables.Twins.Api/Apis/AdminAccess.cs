using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;

namespace Wearables.Twins.Api.Apis;

/// <summary>
/// Who may use the admin endpoints (SQL over the lake, patient erasure) until people sign in with roles: the holder of
/// <c>Twins:Admin:ApiKey</c> (header <c>X-Twins-Admin-Key</c>; set it from a secret, never in a committed file), or,
/// when no key is configured, only a user on the same machine (loopback) — the embedded profile's single operator.
/// </summary>
public static class AdminAccess
{
    public const string Header = "X-Twins-Admin-Key";
    public const string KeySetting = "Twins:Admin:ApiKey";

    public static ProblemHttpResult? Check(HttpContext context, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[KeySetting];
        if (string.IsNullOrEmpty(key))
        {
            return context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
                ? null
                : Problems.Create(StatusCodes.Status403Forbidden, "admin_only",
                    $"Admin endpoints answer only on this machine unless {KeySetting} is configured.");
        }

        var given = context.Request.Headers[Header].ToString();
        if (given.Length == 0)
        {
            return Problems.Create(StatusCodes.Status401Unauthorized, "admin_key_required", $"Send the admin key in the {Header} header.");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key))
            ? null
            : Problems.Create(StatusCodes.Status403Forbidden, "admin_only", "The admin key is not valid.");
    }
}
