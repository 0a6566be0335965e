using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wearables.Twins.Api.Security;
using Wearables.Twins.Api.Views;
using Wearables.Twins.Devices;
using Wearables.Twins.Security.Access;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Api.Apis;

/// <summary>Device credentials: provision a client certificate from the local authority, list and revoke them (admins).</summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        // Public by nature: devices install it to trust the broker, and it holds no secret.
        app.MapGet("/api/v1/devices/authority.pem", (DeviceCertificateIssuer issuer) => TypedResults.Text(issuer.AuthorityPem, "application/x-pem-file"))
            .WithTags("Devices").WithSummary("The device authority's certificate (PEM)").AllowAnonymous();

        var group = app.MapGroup("/api/v1/devices/{id}/certificates").WithTags("Devices")
            .RequireAdmin(targetRouteValue: "id").RequireRateLimiting(TwinsPolicies.UserRate);
        group.MapPost("/", ProvisionAsync)
            .WithSummary("Issue a client certificate to a device (CN = device id), recorded in its registry")
            .WithDescription("Send {\"csr\": \"-----BEGIN CERTIFICATE REQUEST-----…\"} to keep the private key on the device; with no body the service makes a P-256 key and returns it once.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithSummary("The device's certificates, newest first");
        group.MapPost("/revoke", (string id, RevokeDeviceCertificateRequest? body, HttpContext context, DeviceCertificateIssuer issuer, TimeProvider time)
                => RevokeAsync(id, null, body, context, issuer, time))
            .WithSummary("Revoke every certificate of the device; its sessions end at once on this silo, within the recheck interval elsewhere")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{serial}/revoke", (string id, string serial, RevokeDeviceCertificateRequest? body, HttpContext context, DeviceCertificateIssuer issuer, TimeProvider time)
                => RevokeAsync(id, serial, body, context, issuer, time))
            .WithSummary("Revoke one certificate by serial (also one this service never issued, to bar it)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<ProvisionedDeviceView>, ProblemHttpResult>> ProvisionAsync(
        string id, ProvisionDeviceRequest? body, HttpContext context, DeviceCertificateIssuer issuer, TimeProvider time)
    {
        if (IdRules.Check("device", id) is { } invalid)
        {
            return invalid;
        }

        ProvisionedDeviceCertificate? issued;
        try
        {
            issued = await issuer.ProvisionAsync(id, body?.Csr, Caller.From(context.User)!.Subject);
        }
        catch (CryptographicException e)
        {
            return Problems.BadRequest("invalid_csr", $"The certificate signing request could not be read or its signature does not verify: {e.Message}");
        }

        if (issued is null)
        {
            return Problems.Create(StatusCodes.Status409Conflict, "too_many_certificates",
                $"Device '{id}' already holds {DeviceCredentialLimits.MaxRecords} unexpired certificates (revoked ones count until they expire).");
        }

        var view = new ProvisionedDeviceView(id, DeviceCertificateView.From(issued.Record, time.GetUtcNow()), issued.CertificatePem,
            issued.PrivateKeyPem, issued.AuthorityPem);
        return TypedResults.Created($"/api/v1/devices/{id}/certificates", view);
    }

    private static async Task<Results<Ok<DeviceCertificateView[]>, ProblemHttpResult>> ListAsync(string id, DeviceCertificateIssuer issuer, TimeProvider time)
    {
        if (IdRules.Check("device", id) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok((await issuer.ListAsync(id)).Select(r => DeviceCertificateView.From(r, now)).ToArray());
    }

    private static async Task<Results<Ok<DeviceCertificateView[]>, ProblemHttpResult>> RevokeAsync(
        string id, string? serial, RevokeDeviceCertificateRequest? body, HttpContext context, DeviceCertificateIssuer issuer, TimeProvider time)
    {
        if (IdRules.Check("device", id) is { } invalid)
        {
            return invalid;
        }

        if (serial is not null && (serial.Length > 64 || !serial.All(char.IsAsciiHexDigit)))
        {
            return Problems.BadRequest("invalid_serial", "A certificate serial is up to 64 hexadecimal digits.");
        }

        if (body?.Reason is { Length: > DeviceCredentialLimits.MaxReasonLength })
        {
            return Problems.BadRequest("reason_too_long", $"The reason may have at most {DeviceCredentialLimits.MaxReasonLength} characters.");
        }

        var revoked = await issuer.RevokeAsync(id, serial?.ToUpperInvariant(), Caller.From(context.User)!.Subject, body?.Reason);
        if (revoked.IsEmpty)
        {
            return Problems.Create(StatusCodes.Status404NotFound, "nothing_to_revoke",
                serial is null ? $"Device '{id}' holds no unrevoked certificate." : $"Certificate {serial} of device '{id}' is already revoked.");
        }

        var now = time.GetUtcNow();
        return TypedResults.Ok(revoked.Select(r => DeviceCertificateView.From(r, now)).ToArray());
    }
}
