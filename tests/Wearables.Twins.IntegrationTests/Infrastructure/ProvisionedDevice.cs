using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MQTTnet;

namespace Wearables.Twins.IntegrationTests.Infrastructure;

/// <summary>A device certificate provisioned through the API, and the ways a device uses it (MQTT over TLS, HTTPS).</summary>
internal sealed class ProvisionedDevice : IDisposable
{
    private ProvisionedDevice(string deviceId, string serial, X509Certificate2 certificate, X509Certificate2 authority)
    {
        DeviceId = deviceId;
        Serial = serial;
        Certificate = certificate;
        Authority = authority;
    }

    public string DeviceId { get; }

    public string Serial { get; }

    public X509Certificate2 Certificate { get; }

    public X509Certificate2 Authority { get; }

    public static async Task<ProvisionedDevice> ProvisionAsync(HttpClient admin, string deviceId)
    {
        using var response = await admin.PostAsync(new Uri($"/api/v1/devices/{deviceId}/certificates", UriKind.Relative), null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Provisioning {deviceId}: {(int)response.StatusCode} {body}");
        using var issued = X509Certificate2.CreateFromPem(body.GetProperty("certificatePem").GetString(), body.GetProperty("privateKeyPem").GetString());
        return new ProvisionedDevice(deviceId, body.GetProperty("certificate").GetProperty("serial").GetString()!,
            WithStoredKey(issued), X509Certificate2.CreateFromPem(body.GetProperty("authorityPem").GetString()));
    }

    /// <summary>An MQTT client on the TLS listener presenting <paramref name="certificate"/> (or none) and trusting the authority.</summary>
    public static MqttClientOptions TlsOptions(int port, string clientId, X509Certificate2? certificate, X509Certificate2 authority,
        MQTTnet.Formatter.MqttProtocolVersion version = MQTTnet.Formatter.MqttProtocolVersion.V500)
        => new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .WithTlsOptions(tls =>
            {
                tls.UseTls().WithTargetHost("localhost").WithTrustChain([authority]);
                if (certificate is not null)
                {
                    tls.WithClientCertificates([certificate]);
                }
            })
            .Build();

    public MqttClientOptions TlsOptions(int port, MQTTnet.Formatter.MqttProtocolVersion version = MQTTnet.Formatter.MqttProtocolVersion.V500)
        => TlsOptions(port, DeviceId, Certificate, Authority, version);

    /// <summary>An HTTPS client presenting the device certificate and trusting only the authority for the server's.</summary>
    public HttpClient HttpsClient(int port)
    {
        var handler = new HttpClientHandler { ClientCertificateOptions = ClientCertificateOption.Manual };
        handler.ClientCertificates.Add(Certificate);
        var authority = Authority;
        handler.ServerCertificateCustomValidationCallback = (_, server, _, _) => server is not null && ChainsTo(server, authority);
        return new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}") };
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Authority.Dispose();
    }

    internal static X509Certificate2 WithStoredKey(X509Certificate2 certificate)
        => X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
