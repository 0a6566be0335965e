using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Api.Apis;
using Wearables.Twins.Ingest.Pipeline;
using Wearables.Twins.Security;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Api.Security;

/// <summary>
/// Devices may authenticate over HTTPS with their client certificate instead of a token: same authority, same registry,
/// same identity rule as the MQTT TLS listener. A request with a bearer token is always judged by the token.
/// </summary>
internal static class DeviceCertificateAuthentication
{
    /// <summary>The default scheme: forwards to the token or the certificate handler, whichever the request carries.</summary>
    public const string Scheme = "twins";

    private const string RefusalKey = "twins.certificate_refusal";

    public static AuthenticationBuilder AddTwinsAuthenticationSchemes(this IServiceCollection services)
    {
        var authentication = services.AddAuthentication(Scheme)
            .AddJwtBearer()
            .AddCertificate()
            .AddPolicyScheme(Scheme, "Bearer token or device certificate", o => o.ForwardDefaultSelector = Select);
        services.AddOptions<CertificateAuthenticationOptions>(CertificateAuthenticationDefaults.AuthenticationScheme)
            .Configure<DeviceCertificateAuthorityProvider>((options, authorities) => Configure(options, authorities));
        return authentication;
    }

    private static string Select(HttpContext context)
        => context.Connection.ClientCertificate is not null && !context.Request.Headers.ContainsKey("Authorization")
            ? CertificateAuthenticationDefaults.AuthenticationScheme
            : JwtBearerDefaults.AuthenticationScheme;

    private static void Configure(CertificateAuthenticationOptions options, DeviceCertificateAuthorityProvider authorities)
    {
        options.AllowedCertificateTypes = CertificateTypes.Chained;
        options.ChainTrustValidationMode = X509ChainTrustMode.CustomRootTrust;
        options.CustomTrustStore = [authorities.Authority.Certificate];
        options.RevocationMode = X509RevocationMode.NoCheck; // the registry is the revocation list
        options.ValidateCertificateUse = true;
        options.ValidateValidityPeriod = true;
        options.Events = new CertificateAuthenticationEvents
        {
            OnCertificateValidated = AdmitAsync,
            OnAuthenticationFailed = context =>
            {
                // Also called after a refusal of ours (with its detail as the exception): the first reason stands.
                if (!context.HttpContext.Items.ContainsKey(RefusalKey))
                {
                    Refuse(context.HttpContext, DeviceCertificateRefusals.Untrusted, context.Exception.Message);
                }

                return Task.CompletedTask;
            },
            OnChallenge = ChallengeAsync,
        };
    }

    private static async Task AdmitAsync(CertificateValidatedContext context)
    {
        // The handler has checked chain, validity and use against the authority; what is left is the name and the registry.
        var identified = DeviceCertificateValidator.Identify(context.ClientCertificate);
        var verdict = identified.IsAccepted
            ? await context.HttpContext.RequestServices.GetRequiredService<DeviceCertificateAuthenticator>().CheckRegistryAsync(identified)
            : identified;
        if (!verdict.IsAccepted)
        {
            Refuse(context.HttpContext, verdict.Refusal!, verdict.Detail!);
            context.Fail(verdict.Detail!);
            return;
        }

        var device = verdict.DeviceId!;
        var identity = new ClaimsIdentity(
            [
                new Claim(TwinsClaimTypes.Subject, device),
                new Claim(TwinsClaimTypes.Role, TwinsRoles.Device),
                new Claim(TwinsClaimTypes.DeviceId, device),
                new Claim("cert_serial", verdict.Serial!),
            ],
            context.Scheme.Name, TwinsClaimTypes.Subject, TwinsClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        context.Success();
    }

    private static void Refuse(HttpContext context, string reason, string detail)
    {
        context.Items[RefusalKey] = (reason, detail);
        context.RequestServices.GetRequiredService<IngestMetrics>().CertificateRefused("http", reason);
    }

    // The handler's own challenge is a bare 403; a device developer gets a 401 that says what is wrong with the certificate.
    private static async Task ChallengeAsync(CertificateChallengeContext context)
    {
        var (reason, detail) = context.HttpContext.Items[RefusalKey] is (string r, string d)
            ? (r, d)
            : ("unauthenticated", "This request carries a client certificate but no credential this service accepts.");
        context.HandleResponse();
        await Problems.Create(StatusCodes.Status401Unauthorized, reason, detail).ExecuteAsync(context.HttpContext);
    }
}
