using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wearables.Twins.Devices;
using Wearables.Twins.Security;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Cli.Tests.Infrastructure;

/// <summary>
/// The device-certificate routes of Wearables.Twins.Api (Apis/DevicesApi.cs) with the same answers, signed by the real
/// <see cref="DeviceCertificateAuthority"/> and open only to admin tokens of the local issuer key in the data directory:
/// the CLI writes real certificates and its own token is really checked. The registry is a list in memory.
/// </summary>
public sealed class FakeDeviceCertificates : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    private readonly string _dataDirectory;
    private readonly Lazy<DeviceCertificateAuthority> _authority;
    private readonly Dictionary<string, List<DeviceCertificateRecord>> _registry = new(StringComparer.Ordinal);

    public FakeDeviceCertificates(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _authority = new(() => DeviceCertificateAuthority.Load(
            DeviceCertificateOptions.DefaultAuthorityCertificatePath(dataDirectory),
            DeviceCertificateOptions.DefaultAuthorityKeyPath(dataDirectory), create: true, TimeProvider.System));
    }

    public string AuthorityPem => _authority.Value.CertificatePem;

    public void Map(WebApplication app)
    {
        app.MapGet("/api/v1/devices/authority.pem", () => Results.Text(AuthorityPem, "application/x-pem-file"));
        var group = app.MapGroup("/api/v1/devices/{id}/certificates").AddEndpointFilter(RequireAdminAsync);
        group.MapPost("/", ProvisionAsync);
        group.MapGet("/", (string id) => Results.Json(Views(Registry(id).OrderByDescending(r => r.IssuedAt))));
        group.MapPost("/revoke", (string id, HttpRequest request) => RevokeAsync(id, null, request));
        group.MapPost("/{serial}/revoke", (string id, string serial, HttpRequest request) => RevokeAsync(id, serial, request));
    }

    public void Dispose()
    {
        if (_authority.IsValueCreated)
        {
            _authority.Value.Dispose();
        }
    }

    /// <summary>As the service's admin policy: no valid token is 401, another role 403, both with empty bodies.</summary>
    private async ValueTask<object?> RequireAdminAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        using var key = LocalSigningKey.Load(LocalIssuer.KeyPath(_dataDirectory), create: false);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = LocalIssuer.Issuer,
            ValidAudience = LocalIssuer.Audience,
            IssuerSigningKey = key.SecurityKey,
        });
        if (!validation.IsValid)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        return validation.Claims.TryGetValue(TwinsClaimTypes.Role, out var role) && role as string == TwinsRoles.Admin
            ? await next(context)
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task<IResult> ProvisionAsync(string id, HttpRequest request)
    {
        var csr = (await JsonNode.ParseAsync(request.Body))?["csr"]?.GetValue<string>();
        var now = DateTimeOffset.UtcNow;
        X509Certificate2 certificate;
        try
        {
            certificate = csr is null
                ? _authority.Value.IssueWithNewKey(id, now, Lifetime)
                : _authority.Value.IssueForRequest(id, csr, now, Lifetime);
        }
        catch (CryptographicException e)
        {
            return Problem(400, "The request is not valid.", "invalid_csr",
                $"The certificate signing request could not be read or its signature does not verify: {e.Message}");
        }

        using (certificate)
        {
            var record = new DeviceCertificateRecord(certificate.SerialNumber, certificate.GetCertHashString(HashAlgorithmName.SHA256),
                new DateTimeOffset(certificate.NotBefore.ToUniversalTime()), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), now, "cli-operator");
            lock (_registry)
            {
                var records = RegistryUnlocked(id);
                if (records.Count(r => !r.IsRevoked && r.NotAfter > now) >= DeviceCredentialLimits.MaxRecords)
                {
                    return Problem(409, "The request failed.", "too_many_certificates",
                        $"Device '{id}' already holds {DeviceCredentialLimits.MaxRecords} unexpired certificates; revoke one first.");
                }

                records.Add(record);
            }

            string? privateKey = null;
            if (csr is null)
            {
                using var key = certificate.GetECDsaPrivateKey()!;
                privateKey = key.ExportPkcs8PrivateKeyPem();
            }

            var body = new JsonObject
            {
                ["deviceId"] = id,
                ["certificate"] = View(record),
                ["certificatePem"] = certificate.ExportCertificatePem(),
                ["authorityPem"] = AuthorityPem,
            };
            if (privateKey is not null)
            {
                body["privateKeyPem"] = privateKey;
            }

            return Results.Json(body, statusCode: StatusCodes.Status201Created);
        }
    }

    private async Task<IResult> RevokeAsync(string id, string? serial, HttpRequest request)
    {
        var reason = (await JsonNode.ParseAsync(request.Body))?["reason"]?.GetValue<string>();
        var now = DateTimeOffset.UtcNow;
        var revoked = new List<DeviceCertificateRecord>();
        lock (_registry)
        {
            var records = RegistryUnlocked(id);
            if (serial is not null && !records.Any(r => string.Equals(r.Serial, serial, StringComparison.OrdinalIgnoreCase)))
            {
                // The service bars a serial it never issued, so certificates from elsewhere can be refused too.
                records.Add(new DeviceCertificateRecord(serial.ToUpperInvariant(), "", now, now, now, "unknown"));
            }

            for (var i = 0; i < records.Count; i++)
            {
                if (!records[i].IsRevoked && (serial is null || string.Equals(records[i].Serial, serial, StringComparison.OrdinalIgnoreCase)))
                {
                    records[i] = records[i] with { RevokedAt = now, RevokedBy = "cli-operator", RevocationReason = reason };
                    revoked.Add(records[i]);
                }
            }
        }

        return revoked.Count == 0
            ? Problem(404, "Not found.", "nothing_to_revoke",
                serial is null ? $"Device '{id}' holds no unrevoked certificate." : $"Certificate {serial} of device '{id}' is already revoked.")
            : Results.Json(Views(revoked));
    }

    private List<DeviceCertificateRecord> Registry(string id)
    {
        lock (_registry)
        {
            return [.. RegistryUnlocked(id)];
        }
    }

    private List<DeviceCertificateRecord> RegistryUnlocked(string id)
    {
        if (!_registry.TryGetValue(id, out var records))
        {
            _registry[id] = records = [];
        }

        return records;
    }

    private static JsonArray Views(IEnumerable<DeviceCertificateRecord> records) => [.. records.Select(View)];

    /// <summary>As <c>DeviceCertificateView.From</c>: camelCase, nulls left out, validity only for certificates issued here.</summary>
    private static JsonObject View(DeviceCertificateRecord record)
    {
        var known = record.Thumbprint.Length > 0;
        var view = new JsonObject { ["serial"] = record.Serial };
        if (known)
        {
            view["thumbprint"] = record.Thumbprint;
            view["notBefore"] = record.NotBefore;
            view["notAfter"] = record.NotAfter;
        }

        view["issuedAt"] = record.IssuedAt;
        view["issuedBy"] = record.IssuedBy;
        view["status"] = record.IsRevoked ? "revoked" : DateTimeOffset.UtcNow >= record.NotAfter ? "expired" : "active";
        if (record.RevokedAt is { } revokedAt)
        {
            view["revokedAt"] = revokedAt;
            view["revokedBy"] = record.RevokedBy;
            if (record.RevocationReason is { } reason)
            {
                view["revocationReason"] = reason;
            }
        }

        return view;
    }

    private static ProblemHttpResult Problem(int status, string title, string reason, string detail)
        => TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = reason });
}
