using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wearables.Twins.Security.Devices;

namespace Wearables.Twins.Api.Security;

/// <summary>Opens the HTTPS door for devices (<see cref="DeviceHttpsOptions"/>) next to the configured URLs.</summary>
public static class DeviceHttpsEndpoint
{
    public static WebApplicationBuilder AddTwinsDeviceHttps(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(DeviceHttpsOptions.Section).Get<DeviceHttpsOptions>() ?? new DeviceHttpsOptions();
        if (!settings.Enabled)
        {
            return builder;
        }

        if (!IPAddress.TryParse(settings.BindAddress, out var address) || settings.Port is < 0 or > 65535)
        {
            throw new InvalidOperationException(
                $"{DeviceHttpsOptions.Section}:BindAddress must be an IP address and :Port 0–65535 (were '{settings.BindAddress}', {settings.Port}).");
        }

        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Kestrel binds either the URLs setting or endpoints given in code, never both: the URLs are listened to here too.
            foreach (var url in (urls ?? "http://localhost:5000").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                ListenPlain(kestrel, BindingAddress.Parse(url));
            }

            kestrel.Listen(address, settings.Port, listen => listen.UseHttps(https =>
            {
                var services = kestrel.ApplicationServices;
                https.ServerCertificate = services.GetRequiredService<TlsServerCertificate>().Certificate;
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                var authenticator = services.GetRequiredService<DeviceCertificateAuthenticator>();

                // Foreign certificates end at the handshake; revoked and unregistered ones get a 401 with the reason.
                https.ClientCertificateValidation = (certificate, _, _) => authenticator.IsIssuedByAuthority(certificate);
            }));
        });
        return builder;
    }

    private static void ListenPlain(KestrelServerOptions kestrel, BindingAddress binding)
    {
        if (!string.Equals(binding.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"With {DeviceHttpsOptions.Section}:Enabled the URLs setting may only list http:// addresses (was {binding}).");
        }

        if (string.Equals(binding.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(binding.Port);
        }
        else if (IPAddress.TryParse(binding.Host, out var ip))
        {
            kestrel.Listen(ip, binding.Port);
        }
        else
        {
            kestrel.ListenAnyIP(binding.Port);
        }
    }
}
